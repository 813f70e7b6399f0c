// Search-as-you-type for the feedback form's dataset field: fills its <datalist> from the server.
// A file, not an inline script (the site's CSP allows none); without it the field still works:
// the server resolves a typed slug or title.
(function () {
  var input = document.querySelector("input[data-dataset-search]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  var last = "";
  function fill(results) {
    while (list.firstChild) list.removeChild(list.firstChild);
    results.forEach(function (row) {
      var option = document.createElement("option");
      option.value = row.title + " (" + row.slug + ")";
      list.appendChild(option);
    });
  }
  function search() {
    var q = input.value.trim();
    if (q === last) return;
    last = q;
    if (q.length < 2) return fill([]);
    var url = input.dataset.datasetSearch + "?q=" + encodeURIComponent(q);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (body) { if (input.value.trim() === q) fill(body.results || []); })
      .catch(function () {});
  }
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
})();
