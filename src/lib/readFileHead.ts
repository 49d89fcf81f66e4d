import fs from 'node:fs/promises'

/** The first `bytes` bytes of a file (fewer when it is shorter), without reading the rest. */
export const readFileHead = async (file: string, bytes: number): Promise<Buffer> => {
  const handle = await fs.open(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
