// The chronology's print button: printing works from the browser's own menu too, so without
// JavaScript nothing is lost but the button.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
