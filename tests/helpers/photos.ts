import path from 'node:path'

import sharp from 'sharp'

/** A real JPEG (or PNG) made with sharp under the test's temp root; phones name every photo alike. */
export const makeTestPhoto = async (name: string, { width = 1600, height = 1200 } = {}): Promise<string> => {
  const file = path.join(process.env.B2C_TEST_ROOT!, name)
  const format = name.endsWith('.png') ? 'png' : 'jpeg'
  await sharp({ create: { width, height, channels: 3, background: '#2a7' } })[format]().toFile(file)
  return file
}
