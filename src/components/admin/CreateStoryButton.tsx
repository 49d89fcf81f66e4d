'use client'
import { Button, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { useScopedTranslation } from './useScopedTranslation'

type Key = 'open' | 'create' | 'creating' | 'hint' | 'failed'

/**
 * Submission sidebar: "Opret historie" turns the submission into a draft story (prefilled, linked
 * both ways, submission accepted) and opens it: the second click of SPEC §4's two.
 */
export const CreateStoryButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const router = useRouter()
  const story = useFormFields(([fields]) => fields.story?.value) as number | string | { id: number | string } | null | undefined
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const t = useScopedTranslation<Key>('createStory')
  if (!id) return null
  const storyId = story && typeof story === 'object' ? story.id : story
  const storyUrl = (target: number | string) => `${config.routes.admin}/collections/stories/${target}`

  if (storyId) {
    return (
      <div className="field-type">
        <a className="btn btn--style-secondary btn--size-medium" href={storyUrl(storyId)}>
          {t('open')}
        </a>
      </div>
    )
  }

  const create = async () => {
    setBusy(true)
    setMessage(null)
    const res = await fetch(`${config.serverURL}${config.routes.api}/submissions/${id}/create-story`, {
      method: 'POST',
      credentials: 'include',
    })
    const body = (await res.json().catch(() => ({}))) as { id?: number; error?: { message?: string }; errors?: { message?: string }[] }
    setBusy(false)
    if ((res.status === 201 || res.status === 409) && body.id) {
      router.push(storyUrl(body.id))
      return
    }
    setMessage(body.error?.message ?? body.errors?.map((error) => error.message).join(' ') ?? t('failed', { status: res.status }))
  }

  return (
    <div className="field-type">
      <Button buttonStyle="primary" disabled={busy} onClick={() => void create()}>
        {busy ? t('creating') : t('create')}
      </Button>
      <p className="field-description">{t('hint')}</p>
      {message ? (
        <p role="alert" className="field-error">
          {message}
        </p>
      ) : null}
    </div>
  )
}
