// Keeps "... left" / "overdue by ..." countdowns current. Each element carries the deadline in
// data-deadline (ISO-8601); the server already wrote the text, so without script it is right at
// load time. The wording matches dataprotection.Countdown.
(function () {
  function plural(n, one, many) { return n + (n === 1 ? one : many); }
  function describe(ms) {
    var past = ms < 0;
    var minutes = Math.floor(Math.abs(ms) / 60000);
    var days = Math.floor(minutes / 1440), hours = Math.floor(minutes / 60) % 24, mins = minutes % 60;
    var text = '';
    if (days > 0) { text += plural(days, ' day ', ' days '); }
    if (days > 0 || hours > 0) { text += plural(hours, ' hour ', ' hours '); }
    text += plural(mins, ' minute', ' minutes');
    return past ? 'overdue by ' + text : text + ' left';
  }
  function tick() {
    document.querySelectorAll('[data-deadline]').forEach(function (el) {
      var ms = Date.parse(el.getAttribute('data-deadline')) - Date.now();
      el.textContent = describe(ms);
      var box = el.closest('[data-countdown]');
      if (box && ms < 0) { box.classList.add('overdue'); }
    });
  }
  tick();
  setInterval(tick, 30000);
})();
