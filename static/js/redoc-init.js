// Starts ReDoc on /api/v1/redoc/ (a file, not an inline script: the site's CSP allows no inline script).
(function () {
  var container = document.getElementById("redoc-container");
  Redoc.init(container.dataset.schemaUrl, JSON.parse(container.dataset.settings || "{}"), container);
})();
