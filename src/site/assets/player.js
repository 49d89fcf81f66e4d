// The story page's players: each <video> already plays its MP4 rendition. Where the browser
// has MediaSource, hls.js takes over with the adaptive HLS ladder; Safari plays HLS itself. Any
// fatal HLS error falls back to the MP4 sources, so a viewer is never left with a dead player.
// The HLS master names the captions itself (subtitle renditions): while HLS plays, the page's
// own <track>s are set aside so each language is listed once; the MP4 fallback gets them back.
;(function () {
  'use strict'
  var videos = document.querySelectorAll('video[data-hls]')
  Array.prototype.forEach.call(videos, function (video) {
    var url = video.getAttribute('data-hls')
    if (!url) return
    var tracks = Array.prototype.slice.call(video.querySelectorAll('track'))
    var setTracksAside = function () {
      tracks.forEach(function (track) { video.removeChild(track) })
    }
    var restoreTracks = function () {
      tracks.forEach(function (track) { video.appendChild(track) })
    }
    if (window.Hls && window.Hls.isSupported()) {
      setTracksAside()
      var hls = new window.Hls({ capLevelToPlayerSize: true })
      hls.on(window.Hls.Events.ERROR, function (_event, data) {
        if (!data.fatal) return
        hls.destroy()
        video.removeAttribute('data-hls')
        restoreTracks()
        video.load()
      })
      hls.loadSource(url)
      hls.attachMedia(video)
      video.setAttribute('data-player', 'hls.js')
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      setTracksAside()
      video.src = url
      video.setAttribute('data-player', 'native-hls')
    } else {
      video.setAttribute('data-player', 'mp4')
    }
  })
})()
