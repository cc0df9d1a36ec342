// Suggests people as a name is typed in the activity search's Person field. Without this script
// the search still works: a typed name is matched on the server, which lists the people it fits.
(function () {
  var input = document.getElementById('person');
  var list = document.getElementById('person-suggestions');
  if (!input || !list) {
    return;
  }
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2 || text.indexOf('#') >= 0) {
      return;
    }
    timer = setTimeout(function () {
      fetch('/activity/people.json?q=' + encodeURIComponent(text), {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (names) {
          list.replaceChildren.apply(list, names.map(function (name) {
            var option = document.createElement('option');
            option.value = name;
            return option;
          }));
        });
    }, 200);
  });
})();
