/**
 * Issue #11: bytes on their way into MEDIA_DIR wait beside it, in MEDIA_DIR/.tmp, not in the OS
 * temp folder (often another filesystem, sometimes RAM). A finished tus upload claimed for a
 * clip or a submission is then renamed (the same inode), not copied; while a body is received
 * there, the orphan sweep leaves it alone even with no grace, and once its process is gone the
 * temp sweep removes it.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { beforeAll, expect, test } from '@jest/globals'

import { makeTestVideo } from '../helpers/media'
import { useServer } from '../helpers/server'
import { createCall } from '../helpers/submissions'
import { MEMBER_UPLOADS, uploadFile } from '../helpers/tusUpload'
import { sweepOrphanFiles } from '../../src/jobs/orphanSweep'
import { makeTempDir, mediaTempRoot, sweepTempDirs } from '../../src/jobs/tempFiles'
import { mediaDir } from '../../src/config/paths'
import { uploadsDir } from '../../src/uploads/paths'
import { claimUpload } from '../../src/uploads/records'

process.env.UPLOAD_RATE_LIMIT = '1000'

const server = useServer({ runJobs: false })
let call: string
let video: Buffer
const quiet = { logger: { info: () => undefined, warn: () => undefined } } as never

beforeAll(async () => {
  call = (await createCall(server.current.payload, { videoMaxMegabytes: 50 })).slug!
  video = await fsp.readFile(await makeTestVideo('claim-on-media-disk.mp4'))
})

test('a submission\'s and a claim\'s temp folders are in MEDIA_DIR/.tmp, and a claim is a rename', async () => {
  const submissionDir = await makeTempDir('b2c-submission')
  const claimDir = await makeTempDir('b2c-claim')
  try {
    for (const dir of [submissionDir, claimDir]) expect(path.dirname(dir)).toBe(path.join(mediaDir(), '.tmp'))
    // Work that is not bound for the store stays in the OS's temp folder.
    const posterDir = await makeTempDir('b2c-poster')
    expect(path.dirname(posterDir)).toBe(os.tmpdir())
    fs.rmSync(posterDir, { recursive: true })

    const { id } = await uploadFile(server.current.url, MEMBER_UPLOADS, video, { metadata: { filename: 'k.mp4', filetype: 'video/mp4', call, field: 'video' } })
    const inode = fs.statSync(path.join(uploadsDir('member'), id)).ino
    const claimed = await claimUpload(id, claimDir)
    expect(fs.statSync(claimed).ino).toBe(inode)
    expect(fs.readFileSync(claimed).equals(video)).toBe(true)
  } finally {
    fs.rmSync(submissionDir, { recursive: true, force: true })
    fs.rmSync(claimDir, { recursive: true, force: true })
  }
})

test('a body being received in MEDIA_DIR/.tmp is no orphan; a dead process\'s folder there is swept', async () => {
  const live = path.join(mediaTempRoot(), `b2c-submission-pid${process.pid}-live01`)
  const dead = path.join(mediaTempRoot(), 'b2c-submission-pid999999999-dead01')
  for (const dir of [live, dead]) {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'video.mp4'), video)
    const old = new Date(Date.now() - 3_600_000)
    fs.utimesSync(path.join(dir, 'video.mp4'), old, old)
  }
  const { removed } = await sweepOrphanFiles(server.current.payload, { graceMinutes: 0 })
  expect(removed.filter((unit) => unit.startsWith('.tmp/'))).toEqual([])
  expect(fs.existsSync(path.join(live, 'video.mp4'))).toBe(true)

  expect(await sweepTempDirs(quiet, { maxAgeHours: 24, root: mediaTempRoot() })).toEqual([dead])
  expect(fs.existsSync(path.join(live, 'video.mp4'))).toBe(true)
  fs.rmSync(live, { recursive: true })
})
