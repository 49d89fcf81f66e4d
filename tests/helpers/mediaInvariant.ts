import { expect } from '@jest/globals'
import type { Payload } from 'payload'

import { inspectMediaStore } from '../../src/jobs/mediaInventory'

/**
 * The file ↔ document invariant of issue #9 (item 4): every file under MEDIA_DIR is named by a
 * document, and every file a document names exists. The same inventory the orphan sweeper uses
 * (src/jobs/mediaInventory.ts), so a test and the sweeper never disagree.
 *
 * Nothing is exempt, not even a transcode's `.work-*` folder: call this after the scenario has
 * settled (no job running), when a left-over is debris, not work in progress.
 */
export const expectMediaStoreConsistent = async (payload: Payload): Promise<void> => {
  const { orphanFiles, missingFiles } = await inspectMediaStore(payload)
  expect({ filesWithoutDocuments: orphanFiles, documentsWithoutFiles: missingFiles }).toEqual({
    filesWithoutDocuments: [],
    documentsWithoutFiles: [],
  })
}
