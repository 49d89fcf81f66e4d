import { errorResponse, jsonContent, ref, str, tusHeader } from './openapiParts'

/**
 * The members' resumable uploads (tus 1.0.0) at /api/public/uploads (src/uploads/router.ts), as
 * operations of the OpenAPI document. Errors leave in the public API's shape; HEAD has no body.
 */
const tusResumable = {
  name: 'Tus-Resumable',
  in: 'header',
  required: true,
  schema: { type: 'string', const: '1.0.0' },
  description: 'The tus protocol version; always 1.0.0',
  example: '1.0.0',
}
const uploadIdParam = (example: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
  description: "The upload's id: the last part of the `Location` its creation answered",
  example,
})

export const uploadPaths = (uploadId: string) => ({
  '/uploads': {
    post: {
      operationId: 'createUpload',
      tags: ['Uploads'],
      summary: 'Create a resumable upload',
      description:
        'tus 1.0.0 creation: declares a file for a submission to an open call, before a byte is sent. `Upload-Length` is required (no deferred length) and checked against the limit: the call\'s `videoMaxMegabytes` for a video, 20 MB for a photo. Creations are rate-limited per address. Send the bytes with `appendToUpload`, then name the id in `createSubmission`.',
      parameters: [
        tusResumable,
        { name: 'Upload-Length', in: 'header', required: true, schema: { type: 'integer', minimum: 0 }, description: 'The size of the whole file in bytes', example: 52_428_800 },
        {
          name: 'Upload-Metadata',
          in: 'header',
          required: true,
          schema: str,
          description: 'Comma-separated `key base64(value)` pairs: `filename`, `filetype`, `call` (the call\'s slug) and `field` (`video` or `photos`)',
          example: 'filename Y3lrZWx2YWVya3N0ZWQubXA0,filetype dmlkZW8vbXA0,call aW5ka2FsZGVsc2UtZm9yYWFyLTIwMjY=,field dmlkZW8=',
        },
      ],
      responses: {
        201: {
          description: 'Created; `Location` is where the bytes go',
          headers: { Location: tusHeader('`/api/public/uploads/<id>`'), 'Tus-Resumable': tusHeader('1.0.0') },
        },
        400: errorResponse('Missing Upload-Length, malformed Upload-Metadata'),
        403: errorResponse('Sent by a browser from an origin that is not ours nor listed'),
        409: errorResponse('The call is closed or not open yet'),
        413: errorResponse('Larger than the limit'),
        422: { description: '`call` or `field` missing or unknown in Upload-Metadata, an empty file, or a video for a call that takes none', content: jsonContent(ref('ValidationError')) },
        429: errorResponse('Too many uploads from this address'),
      },
    },
  },
  '/uploads/{id}': {
    head: {
      operationId: 'getUploadOffset',
      tags: ['Uploads'],
      summary: "Get an upload's offset",
      description: 'tus 1.0.0: how many bytes the server has, to resume a dropped upload from there.',
      parameters: [tusResumable, uploadIdParam(uploadId)],
      responses: {
        200: {
          description: 'The offset and the length',
          headers: { 'Upload-Offset': tusHeader('Bytes received so far'), 'Upload-Length': tusHeader('The declared size'), 'Cache-Control': tusHeader('no-store') },
        },
        404: { description: 'No such upload' },
        410: { description: 'The upload expired' },
      },
    },
    patch: {
      operationId: 'appendToUpload',
      tags: ['Uploads'],
      summary: 'Send bytes of an upload',
      description: 'tus 1.0.0: appends the body at `Upload-Offset`, which must equal the current offset (see `getUploadOffset`). The content is checked: a video must be a video, a photo an image.',
      parameters: [
        tusResumable,
        uploadIdParam(uploadId),
        { name: 'Upload-Offset', in: 'header', required: true, schema: { type: 'integer', minimum: 0 }, description: 'Where these bytes start', example: 0 },
      ],
      requestBody: { required: true, content: { 'application/offset+octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } },
      responses: {
        204: { description: 'Stored', headers: { 'Upload-Offset': tusHeader('The new offset') } },
        403: errorResponse('Sent by a browser from an origin that is not ours nor listed'),
        404: errorResponse('No such upload'),
        409: errorResponse('Upload-Offset is not the current offset'),
        410: errorResponse('The upload expired'),
        415: errorResponse('Not the kind of file the upload was created for'),
      },
    },
    delete: {
      operationId: 'deleteUpload',
      tags: ['Uploads'],
      summary: 'Delete an upload',
      description: 'tus 1.0.0 termination: gives up an upload that will not be used.',
      parameters: [tusResumable, uploadIdParam(uploadId)],
      responses: {
        204: { description: 'Deleted' },
        403: errorResponse('Sent by a browser from an origin that is not ours nor listed'),
        404: errorResponse('No such upload'),
      },
    },
  },
})
