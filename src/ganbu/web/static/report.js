// The report page: clicking (or pressing Enter on) a highlighted span shows the extracted records
// behind it. The records come from the page's JSON block and are written with textContent only.
(function () {
  "use strict";
  var block = document.getElementById("records");
  var body = document.getElementById("record-body");
  if (!block || !body) { return; }
  var records = JSON.parse(block.textContent || "[]");
  function show(mark) {
    var keys = (mark.getAttribute("data-keys") || "").split(" ").filter(Boolean);
    var shown = keys.map(function (k) { return records[Number(k)]; }).filter(Boolean);
    body.textContent = shown.length ? JSON.stringify(shown, null, 2) : "—";
    document.querySelectorAll("mark.selected").forEach(function (m) { m.classList.remove("selected"); });
    mark.classList.add("selected");
  }
  document.querySelectorAll(".report-text mark").forEach(function (mark) {
    mark.addEventListener("click", function () { show(mark); });
    mark.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { show(mark); } });
  });
  var focus = document.getElementById("hl");
  if (focus) { show(focus); }
})();
