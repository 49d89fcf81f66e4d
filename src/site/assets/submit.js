// Progressive enhancement of /indsend: the form works without this file. With it, a file that
// is too large is caught before it is sent, the upload shows a progress bar, and the server's
// answer (the thank-you page, or the form with its errors) replaces the page. With tus
// (submit-uploads.js) the files go first, resumably, and the form then names the uploads.
;(function () {
  'use strict'

  function enhance(form) {
    if (!form || form.dataset.enhanced) return
    form.dataset.enhanced = 'true'
    form.addEventListener('submit', function (event) {
      if (!window.FormData || !window.XMLHttpRequest || !window.DOMParser) return
      event.preventDefault()
      var tooLarge = checkSizes(form)
      if (tooLarge) {
        alert(tooLarge)
        return
      }
      var uploads = window.b2cUploads
      var jobs = uploads && uploads.supported ? uploadJobs(form) : []
      if (jobs.length) sendWithUploads(form, jobs)
      else send(form)
    })
    form.addEventListener('change', function (event) {
      if (event.target && event.target.name === 'video') offerResume(form, event.target)
    })
  }

  /** The chosen files, each with the unfinished upload to continue when the member said so. */
  function uploadJobs(form) {
    var jobs = []
    var video = form.querySelector('input[name="video"]')
    if (video && !video.disabled && video.files && video.files[0]) {
      jobs.push({ file: video.files[0], field: 'video', previous: video.b2cResume || null })
    }
    var photos = form.querySelector('input[name="photos"]')
    if (photos && !photos.disabled && photos.files) {
      for (var i = 0; i < photos.files.length; i++) jobs.push({ file: photos.files[i], field: 'photos' })
    }
    return jobs
  }

  /** After a reload: the same video picked again may continue where its upload stopped. */
  function offerResume(form, input) {
    var field = input.closest('.field')
    var old = field && field.querySelector('.resume-offer')
    if (old) old.remove()
    input.b2cResume = null
    var file = input.files && input.files[0]
    var call = form.querySelector('input[name="call"]')
    if (!file || !field || !window.b2cUploads) return
    window.b2cUploads.findPrevious(file, call ? call.value : '', 'video', function (previous) {
      if (!previous || input.files[0] !== file) return
      var box = document.createElement('div')
      box.className = 'resume-offer notice'
      box.setAttribute('role', 'status')
      var text = document.createElement('p')
      text.textContent = 'Du er tidligere begyndt at sende denne video (' + window.b2cUploads.formatMegabytes(file.size) + ' MB). Vil du fortsætte, hvor den slap?'
      var resume = document.createElement('button')
      resume.type = 'button'
      resume.className = 'button'
      resume.textContent = 'Fortsæt uploaden'
      var restart = document.createElement('button')
      restart.type = 'button'
      restart.className = 'button button--secondary'
      restart.textContent = 'Start forfra'
      resume.addEventListener('click', function () {
        input.b2cResume = previous
        text.textContent = 'Uploaden fortsætter, hvor den slap, når du sender historien.'
        resume.remove()
        restart.remove()
      })
      restart.addEventListener('click', function () {
        input.b2cResume = null
        box.remove()
      })
      box.appendChild(text)
      box.appendChild(resume)
      box.appendChild(document.createTextNode(' '))
      box.appendChild(restart)
      field.appendChild(box)
    })
  }

  /** A refused upload's message at its field, like the server's own field errors. */
  function showFieldError(form, name, message) {
    var input = form.querySelector('input[name="' + name + '"]')
    var field = input && input.closest('.field')
    if (!field) {
      alert(message)
      return
    }
    var error = document.getElementById(name + '-fejl')
    if (!error) {
      error = document.createElement('p')
      error.className = 'field-error'
      error.id = name + '-fejl'
      error.setAttribute('role', 'alert')
      input.parentNode.insertBefore(error, input)
    }
    error.textContent = 'Fejl: ' + message
    field.classList.add('field--error')
    input.setAttribute('aria-invalid', 'true')
    var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
    if (described.indexOf(error.id) === -1) input.setAttribute('aria-describedby', described.concat(error.id).join(' '))
    input.focus()
  }

  function clearFieldError(form, name) {
    var error = document.getElementById(name + '-fejl')
    if (error && error.getAttribute('role') === 'alert') error.remove()
  }

  /**
   * Sends the files through tus, then the form with their upload ids in place of the files
   * (the file inputs are disabled, so FormData leaves their bytes out).
   */
  function sendWithUploads(form, jobs) {
    var box = form.querySelector('.upload-progress')
    var bar = box && box.querySelector('progress')
    var text = box && box.querySelector('.upload-progress__text')
    var button = form.querySelector('button[type="submit"]')
    var call = form.querySelector('input[name="call"]')
    clearFieldError(form, 'video')
    clearFieldError(form, 'photos')
    if (box) box.hidden = false
    if (button) button.disabled = true
    window.b2cUploads.uploadAll(
      jobs,
      call ? call.value : '',
      function (state) {
        if (bar) bar.value = state.total ? Math.floor((state.sent / state.total) * 100) : 0
        if (text) text.textContent = window.b2cUploads.describe(state)
      },
      function (ids) {
        if (ids.video) addHidden(form, 'videoUpload', ids.video)
        ids.photos.forEach(function (id) {
          addHidden(form, 'photoUploads', id)
        })
        form.querySelectorAll('input[type="file"]').forEach(function (input) {
          input.disabled = true
        })
        if (text) text.textContent = 'Filerne er modtaget. Sender historien …'
        send(form, function () {
          window.b2cUploads.forget(ids)
        })
      },
      function (field, message) {
        if (box) box.hidden = true
        if (button) button.disabled = false
        showFieldError(form, field, message)
      },
    )
  }

  function addHidden(form, name, value) {
    var input = document.createElement('input')
    input.type = 'hidden'
    input.name = name
    input.value = value
    form.appendChild(input)
  }

  function checkSizes(form) {
    var video = form.querySelector('input[name="video"]')
    var hint = document.getElementById('video-hint')
    var limit = hint && /højst (\d+) MB/.exec(hint.textContent)
    if (video && video.files && video.files[0] && limit && video.files[0].size > Number(limit[1]) * 1024 * 1024) {
      return 'Videoen er for stor: højst ' + limit[1] + ' MB. Vælg en kortere eller mindre video.'
    }
    return null
  }

  function send(form, onAccepted) {
    var box = form.querySelector('.upload-progress')
    var bar = box && box.querySelector('progress')
    var text = box && box.querySelector('.upload-progress__text')
    var button = form.querySelector('button[type="submit"]')
    if (box) box.hidden = false
    if (button) button.disabled = true
    var xhr = new XMLHttpRequest()
    xhr.open('POST', form.action)
    xhr.setRequestHeader('Accept', 'text/html')
    xhr.upload.addEventListener('progress', function (event) {
      if (!event.lengthComputable || !bar) return
      var percent = Math.round((event.loaded / event.total) * 100)
      bar.value = percent
      if (text) text.textContent = percent + ' %'
    })
    xhr.addEventListener('load', function () {
      // Success is a redirect to the thank-you page, which the browser followed for us.
      if (xhr.responseURL && xhr.responseURL.indexOf('/indsend/tak') !== -1) {
        if (onAccepted) onAccepted()
        window.location.assign(xhr.responseURL)
        return
      }
      show(xhr.responseText)
    })
    xhr.addEventListener('error', function () {
      if (button) button.disabled = false
      if (box) box.hidden = true
      alert('Forbindelsen blev afbrudt. Intet er gået tabt på siden: prøv at sende igen.')
    })
    xhr.send(new FormData(form))
  }

  function show(html) {
    var next = new DOMParser().parseFromString(html, 'text/html')
    document.title = next.title
    document.querySelector('main').innerHTML = next.querySelector('main').innerHTML
    var summary = document.getElementById('fejl')
    if (summary) summary.focus()
    else document.querySelector('main').focus()
    enhance(document.querySelector('form[data-enhance]'))
  }

  enhance(document.querySelector('form[data-enhance]'))
})()
