// Progressive enhancement of /indsend: the form works without this file. With it, a file that
// is too large is caught before it is sent, the upload shows a progress bar, and the server's
// answer (the thank-you page, or the form with its errors) replaces the page.
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
      send(form)
    })
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

  function send(form) {
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
