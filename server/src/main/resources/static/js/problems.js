// Moves the focus to why a form was refused ([data-problems], which has tabindex="-1"), so a
// keyboard or screen-reader user learns at once that nothing was saved and starts reading there.
// Without script the problems still show at the top of the form, announced by role="alert".
(function () {
  var problems = document.querySelector('[data-problems]');
  if (!problems) {
    return;
  }
  problems.focus();
  // A page opened at an #anchor is scrolled there once it has loaded, and the browser then takes
  // the focus back to the page itself: focus the problems again unless the user has moved on.
  if (location.hash) {
    window.addEventListener('load', function () {
      requestAnimationFrame(function () {
        if (document.activeElement === document.body || document.activeElement === null) {
          problems.focus();
        }
      });
    });
  }
})();
