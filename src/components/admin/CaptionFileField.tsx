'use client'
import { TextareaField, useField } from '@payloadcms/ui'
import type { TextareaFieldClientComponent } from 'payload'
import React, { useId, useState } from 'react'

import type { CaptionFileKey } from './submissionVideoTranslations'
import { useScopedTranslation } from './useScopedTranslation'
import './clipAdmin.css'
import './CaptionFileField.css'

const ACCEPTED = /\.(vtt|srt)$/i

/** The file's text as UTF-8, without the byte order mark many caption tools write. */
const readAsText = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^\uFEFF/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsText(file, 'utf-8')
  })

/**
 * A caption's `vtt` (issue #15, item 3): Payload's own textarea, to paste into, and a file
 * picker that reads a `.vtt` or `.srt` in the browser and puts its text in the field. Saving
 * then goes through the field's own validation and SRT→WebVTT conversion on the server, as
 * pasted text does; nothing is uploaded separately.
 */
export const CaptionFileField: TextareaFieldClientComponent = (props) => {
  const t = useScopedTranslation<CaptionFileKey>('captionFile')
  const { setValue } = useField<string>({ potentiallyStalePath: props.path })
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const inputId = useId()
  const readOnly = props.readOnly || props.field.admin?.readOnly

  const choose = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    // Cleared, so that choosing the same file again (after a fix) reads it again.
    input.value = ''
    if (!file) return
    if (!ACCEPTED.test(file.name)) {
      setMessage({ text: t('wrongType', { name: file.name }), error: true })
      return
    }
    try {
      setValue(await readAsText(file))
      setMessage({ text: t('loaded', { name: file.name }), error: false })
    } catch {
      setMessage({ text: t('unreadable', { name: file.name }), error: true })
    }
  }

  return (
    <div className="caption-file">
      <TextareaField {...props} />
      {!readOnly && (
        <div className="caption-file__picker">
          <label htmlFor={inputId} className="btn btn--style-secondary btn--size-small">
            {t('choose')}
          </label>
          <input id={inputId} className="caption-file__input" type="file" accept=".vtt,.srt,text/vtt" onChange={(event) => void choose(event)} />
          <p className="clip-admin__hint">{t('hint')}</p>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'clip-admin__error' : 'clip-admin__hint'}>
          {message.text}
        </p>
      )}
    </div>
  )
}
