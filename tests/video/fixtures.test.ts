/**
 * The same checks as pipeline.test.ts over real phone, camera and screen recordings from other
 * projects' test suites (../shared/media-fixtures, present in CI; skipped where it is absent).
 * EXPECTED.tsv says what each must become: ready, failed, or ready-or-failed.
 */
import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, test } from '@jest/globals'

import { isWebCompatible } from '../../src/video/plan'
import { probe } from '../../src/video/probe'
import { runVideoQueue } from '../helpers/clips'
import { useServer } from '../helpers/server'
import { expectWebReadyClip, ffprobeJson, type SourceTraits } from '../helpers/videoAssertions'

const FIXTURES = path.resolve(process.env.MEDIA_FIXTURES_DIR ?? '../shared/media-fixtures')
const present = fs.existsSync(path.join(FIXTURES, 'EXPECTED.tsv'))
const expected = present
  ? fs
      .readFileSync(path.join(FIXTURES, 'EXPECTED.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t') as [string, 'ready' | 'failed' | 'ready-or-failed', string])
  : []

/** What the source looks like, read with plain ffprobe (display matrix included). */
const traitsOf = async (file: string): Promise<SourceTraits> => {
  const { streams } = await ffprobeJson(file)
  const video = streams.find((s) => s.codec_type === 'video')!
  const turned = (video.side_data_list ?? []).some((side) => Math.abs(side.rotation ?? 0) % 180 === 90)
  const [num, den] = (video.sample_aspect_ratio ?? '1:1').split(':').map(Number)
  const shownWidth = video.width! * (num > 0 && den > 0 ? num / den : 1)
  return {
    portrait: turned ? shownWidth > video.height! : video.height! > shownWidth,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
    fastPath: isWebCompatible(await probe(file)),
  }
}

const server = useServer()

describe(`media fixtures (${present ? FIXTURES : 'absent: skipped'})`, () => {
  if (!present) {
    test.skip('no ../shared/media-fixtures here', () => {})
    return
  }

  test.each(expected)('%s → %s', async (name, outcome, why) => {
    const { payload } = server.current
    const file = path.join(FIXTURES, name)
    let clipId: number | string
    try {
      clipId = (await payload.create({ collection: 'clips', data: { title: name } as never, filePath: file })).id
    } catch (error) {
      // Refused at upload: only a damaged MP4/MOV, which nothing could ever play, may be.
      expect(outcome).not.toBe('ready')
      expect((error as Error).message).toMatch(/beskadiget eller afkortet|damaged or cut short/)
      return
    }
    await runVideoQueue(payload)
    const clip = await payload.findByID({ collection: 'clips', id: clipId, depth: 1 })
    const status = clip.processing?.status
    if (outcome === 'ready' || (outcome === 'ready-or-failed' && status === 'ready')) {
      expect({ name, why, status, error: clip.processing?.error }).toMatchObject({ status: 'ready' })
      await expectWebReadyClip(clip, await traitsOf(file))
    } else {
      expect(status).toBe('failed')
      // A reason in each language, apart (issue #15).
      expect(clip.processing?.error).toMatch(/\S{10,}/)
      expect(clip.processing?.errorEn?.length).toBeGreaterThanOrEqual(10)
      expect(clip.processing?.errorEn).not.toBe(clip.processing?.error)
      expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, 'originals', clip.filename!))).toBe(true)
    }
  }, 300_000)
})
