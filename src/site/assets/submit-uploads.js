// Resumable uploads for /indsend (issue #11): with tus-js-client (/assets/tus.min.js) the video
// and photos go to /api/public/uploads in pieces before the form is sent, so a dropped
// connection costs one piece, not the whole file, and a reloaded page can continue where it
// stopped. The form itself then only names the finished uploads (videoUpload, photoUploads).
// Without tus (or without this file) submit.js sends the plain multipart form as before.
;(function () {
  'use strict'

  var ENDPOINT = '/api/public/uploads'
  // Pieces small enough that a cut connection resends little, big enough that a phone's video
  // is not thousands of requests.
  var CHUNK_BYTES = 5 * 1024 * 1024
  // Back-off over about five minutes: a train through a tunnel, a Wi-Fi hand-over.
  var RETRY_DELAYS = [0, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 60000, 60000, 60000]
  var MB = 1024 * 1024

  var tus = window.tus
  var supported = Boolean(tus && tus.isSupported && window.localStorage)

  /** The Danish message for a refused upload, at the field it belongs to. */
  function refusal(error, field) {
    var res = error && error.originalResponse
    var status = res ? res.getStatus() : 0
    var message = ''
    try {
      // Our error shape; a 422's per-field texts say more than its summary.
      var body = JSON.parse(res.getBody()).error
      var fields = body.fields ? Object.keys(body.fields).map(function (key) { return body.fields[key] }) : []
      message = fields.length ? fields.join(' ') : body.message
    } catch (ignored) {
      message = ''
    }
    if (status === 413) return message || 'Filen er for stor.'
    if (status === 415) return message || (field === 'video' ? 'Filen er ikke en video, vi kan bruge.' : 'Filen er ikke et billede, vi kan bruge.')
    if (status === 409) return message || 'Indkaldelsen er lukket for nye filer.'
    if (status === 429) return 'Der er sendt for mange filer på kort tid. Vent lidt, og prøv igen.'
    if (status >= 400 && status < 500) return message || 'Filen blev afvist.'
    return 'Filen kunne ikke sendes. Tjek forbindelsen, og prøv igen.'
  }

  // A cut connection is worth retrying even while the browser says it is offline (tus-js-client
  // would give up then): the delays above wait for it to come back. A refusal (4xx) is final,
  // except a conflicting offset or a lock, which tus resolves by asking for the offset again.
  function shouldRetry(error) {
    var status = error && error.originalResponse ? error.originalResponse.getStatus() : 0
    return !(status >= 400 && status < 500) || status === 409 || status === 423
  }

  function options(file, call, field, hooks) {
    return {
      endpoint: ENDPOINT,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      onShouldRetry: shouldRetry,
      headers: { 'Accept-Language': 'da' },
      metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', call: call, field: field },
      // Kept after success: until the form is accepted, the same file picked again is not sent again.
      removeFingerprintOnSuccess: false,
      onBeforeRequest: hooks.onBeforeRequest,
      onUploadUrlAvailable: hooks.onUploadUrlAvailable,
      onProgress: hooks.onProgress,
      onSuccess: hooks.onSuccess,
      onError: hooks.onError,
    }
  }

  /** The upload id is the last part of the upload's URL (/api/public/uploads/<id>). */
  function idOf(upload) {
    return upload.url ? upload.url.split('/').pop() : ''
  }

  /**
   * Looks for an unfinished upload of this very file (tus's fingerprint: name, type, size,
   * modification time) stored in this browser, and calls back with it, or with nothing.
   */
  function findPrevious(file, call, field, callback) {
    if (!supported) return callback(null)
    var probe = new tus.Upload(file, options(file, call, field, {}))
    probe.findPreviousUploads().then(
      function (previous) {
        var mine = previous.filter(function (entry) {
          return entry.metadata && entry.metadata.call === call && entry.metadata.field === field
        })
        mine.sort(function (a, b) {
          return String(b.creationTime).localeCompare(String(a.creationTime))
        })
        callback(mine[0] || null)
      },
      function () {
        callback(null)
      },
    )
  }

  /**
   * Uploads the jobs ({ file, field, previous? }) at once and reports the total progress as
   * { sent, total, bytesPerSecond, secondsLeft }. No file's bytes leave before every upload
   * exists (created, or found again) on the server: the deadline is judged when an upload is
   * created, so a submission begun in time has all its uploads created in time. Calls
   * done(ids) with { video, photos }, or fail(field, text) at the first refusal.
   */
  function uploadAll(jobs, call, report, done, fail) {
    var total = 0
    var sent = []
    var finished = 0
    var failed = false
    var samples = []
    var ids = { video: '', photos: [] }
    var uploads = []
    var created = 0
    var allCreatedNow
    var allCreated = new Promise(function (resolve) {
      allCreatedNow = resolve
    })
    jobs.forEach(function (job) {
      total += job.file.size
      sent.push(0)
    })

    function progress() {
      var now = Date.now()
      var sum = sent.reduce(function (a, b) {
        return a + b
      }, 0)
      samples.push([now, sum])
      // Speed over the last five seconds: smooth enough to read, quick to show a stall.
      while (samples.length > 2 && now - samples[0][0] > 5000) samples.shift()
      var first = samples[0]
      var seconds = (now - first[0]) / 1000
      var speed = seconds > 0.5 ? (sum - first[1]) / seconds : 0
      report({ sent: sum, total: total, bytesPerSecond: speed, secondsLeft: speed > 0 ? (total - sum) / speed : null })
    }

    jobs.forEach(function (job, index) {
      var known = false
      var upload = new tus.Upload(
        job.file,
        options(job.file, call, job.field, {
          onBeforeRequest: function (req) {
            if (req.getMethod() === 'PATCH') return allCreated
          },
          onUploadUrlAvailable: function () {
            if (known) return
            known = true
            created += 1
            if (created === jobs.length) allCreatedNow()
          },
          onProgress: function (bytes) {
            sent[index] = bytes
            progress()
          },
          onSuccess: function () {
            sent[index] = job.file.size
            progress()
            if (job.field === 'video') ids.video = idOf(upload)
            else ids.photos[index] = idOf(upload)
            finished += 1
            if (finished === jobs.length && !failed) {
              ids.photos = ids.photos.filter(Boolean)
              done(ids, uploads)
            }
          },
          onError: function (error) {
            if (failed) return
            failed = true
            uploads.forEach(function (other) {
              if (other !== upload) other.abort()
            })
            fail(job.field, refusal(error, job.field))
          },
        }),
      )
      if (job.previous) upload.resumeFromPreviousUpload(job.previous)
      uploads.push(upload)
    })
    uploads.forEach(function (upload) {
      upload.start()
    })
    progress()
  }

  /** Forgets this browser's resume entries of uploads a stored submission has used. */
  function forget(ids) {
    var used = [ids.video].concat(ids.photos).filter(Boolean)
    try {
      for (var i = window.localStorage.length - 1; i >= 0; i--) {
        var key = window.localStorage.key(i)
        if (!key || key.indexOf('tus::') !== 0) continue
        var entry = JSON.parse(window.localStorage.getItem(key) || '{}')
        var id = entry.uploadUrl ? String(entry.uploadUrl).split('/').pop() : ''
        if (used.indexOf(id) !== -1) window.localStorage.removeItem(key)
      }
    } catch (ignored) {
      // Storage may be full or blocked; an old entry only leads to a fresh upload next time.
    }
  }

  function formatMegabytes(bytes) {
    return (bytes / MB).toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  }

  function formatDuration(seconds) {
    if (seconds === null || !isFinite(seconds)) return ''
    var s = Math.max(1, Math.round(seconds))
    if (s < 60) return 'ca. ' + s + ' s tilbage'
    var m = Math.round(s / 60)
    if (m < 60) return 'ca. ' + m + ' min. tilbage'
    return 'ca. ' + Math.floor(m / 60) + ' t. ' + (m % 60) + ' min. tilbage'
  }

  /** "12,3 af 45,0 MB · 1,2 MB/s · ca. 30 s tilbage" */
  function describe(state) {
    var parts = [formatMegabytes(state.sent) + ' af ' + formatMegabytes(state.total) + ' MB']
    if (state.bytesPerSecond > 0) parts.push(formatMegabytes(state.bytesPerSecond) + ' MB/s')
    var left = formatDuration(state.secondsLeft)
    if (left && state.sent < state.total) parts.push(left)
    return parts.join(' · ')
  }

  window.b2cUploads = {
    supported: supported,
    findPrevious: findPrevious,
    uploadAll: uploadAll,
    forget: forget,
    describe: describe,
    formatMegabytes: formatMegabytes,
  }
})()
