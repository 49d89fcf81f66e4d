'use client'
import { useTranslation } from '@payloadcms/ui'
import React from 'react'

type CellProps = { rowData?: { processing?: { status?: string; progress?: number }; probe?: { duration?: number } } }

/** List column: the pipeline state (with progress while it runs). */
export const ClipStatusCell: React.FC<CellProps> = ({ rowData }) => {
  const { t } = useTranslation()
  const status = rowData?.processing?.status ?? 'queued'
  return (
    <span>
      {(t as (key: string) => string)(`clipProcessing:status_${status}`)}
      {status === 'processing' || status === 'preview' ? ` ${Math.round(rowData?.processing?.progress ?? 0)} %` : ''}
    </span>
  )
}

/** List column: the clip's duration as m:ss. */
export const ClipDurationCell: React.FC<CellProps> = ({ rowData }) => {
  const seconds = rowData?.probe?.duration
  if (!seconds) return <span>–</span>
  const whole = Math.round(seconds)
  return <span>{`${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`}</span>
}
