/* iafbt report script: progressive enhancement only (the page is complete without it).
   Page switching by URL hash, table sorting, filtering and search, CSV export, chart crosshair.
   Written for this report; no third-party code. */
(function () {
  "use strict";
  var doc = document;
  doc.documentElement.classList.add("js");
  doc.body.classList.add("js");

  function show() {
    var id = (location.hash || "#overview").slice(1);
    var target = doc.getElementById(id);
    if (!target || !target.classList.contains("page")) { target = doc.getElementById("overview"); }
    var pages = doc.querySelectorAll(".page");
    for (var i = 0; i < pages.length; i++) { pages[i].classList.toggle("shown", pages[i] === target); }
    var nav = doc.getElementById("sheet-nav");
    if (nav) { nav.value = target.classList.contains("sheet") ? target.id : ""; }
    window.scrollTo(0, 0);
  }
  window.addEventListener("hashchange", show);
  var sheetNav = doc.getElementById("sheet-nav");
  if (sheetNav) { sheetNav.addEventListener("change", function () { if (sheetNav.value) { location.hash = sheetNav.value; } }); }

  function cellValue(td) {
    var v = td.getAttribute("data-v");
    if (v !== null && v !== "") { return { n: parseFloat(v) }; }
    if (v === "") { return { n: null }; }
    return { s: td.textContent };
  }
  /* The ranking keeps its sort keys in one attribute per row (data-k): for each number column, in
     the slot its header names, the value's place in the column in base 36, kw digits wide; place 0
     is a missing value. Other tables keep a number in each cell's data-v. */
  function valueOf(table, col, th) {
    var slot = th.getAttribute("data-k");
    if (slot === null) { return function (r) { return cellValue(r.cells[col]); }; }
    var w = +table.getAttribute("data-kw"), at = +slot * w;
    return function (r) {
      var place = parseInt(r.getAttribute("data-k").slice(at, at + w), 36);
      return { n: place > 0 ? place : null };
    };
  }
  function sortBy(table, col, th) {
    var desc = !th.classList.contains("desc");
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) { heads[i].classList.remove("asc", "desc"); }
    th.classList.add(desc ? "desc" : "asc");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    if (table.id === "ranking") { page = 0; }
    var value = valueOf(table, col, th);
    var keyed = rows.map(function (r, i) { return { r: r, k: value(r), i: i }; });
    keyed.sort(function (a, b) {
      var x = a.k, y = b.k, c;
      if (x.s !== undefined || y.s !== undefined) {
        c = String(x.s || "").localeCompare(String(y.s || ""));
      } else if (x.n === null || y.n === null) {
        return (x.n === null) - (y.n === null) || a.i - b.i; /* missing values last either way */
      } else { c = x.n - y.n; }
      return (desc ? -c : c) || a.i - b.i;
    });
    var frag = doc.createDocumentFragment();
    keyed.forEach(function (e) { frag.appendChild(e.r); });
    body.appendChild(frag);
    if (table.id === "ranking") { filter("ranking"); }
  }
  Array.prototype.forEach.call(doc.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, col, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, col, th); } });
    });
  });

  /* The ranking shows PAGE rows at a time: a sweep of thousands stays quick to scroll, sort and
     filter (hidden rows are not laid out). Rows a filter leaves out carry data-out; print and
     CSV take every row that passes the filter, whatever the page. */
  var PAGE = 100, page = 0;
  function paginate(matched) {
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var from = page * PAGE, to = from + PAGE;
    var rows = doc.getElementById("ranking").tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) { rows[i].hidden = true; }
    for (var j = from; j < Math.min(to, matched.length); j++) { matched[j].hidden = false; }
    var pager = doc.getElementById("rank-pager");
    pager.hidden = pages < 2;
    doc.getElementById("rank-page").textContent = "rows " + (matched.length ? from + 1 : 0) + "–" +
      Math.min(to, matched.length) + ", page " + (page + 1) + " of " + pages;
  }
  Array.prototype.forEach.call(doc.querySelectorAll("#rank-pager button"), function (b) {
    b.addEventListener("click", function () { page += +b.getAttribute("data-step"); filter("ranking"); });
  });

  function filter(tableId) {
    var table = doc.getElementById(tableId);
    var box = doc.querySelector("input.search[data-table='" + tableId + "']");
    var tag = tableId === "ranking" ? doc.getElementById("tag-filter") : null;
    var tagCol = tag ? doc.getElementById("rank-tag").cellIndex : -1;
    var words = (box ? box.value : "").toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = tag ? tag.value : "";
    var matched = [], rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      var text = words.length ? rows[i].textContent.toLowerCase() : "";
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!wanted || rows[i].cells[tagCol].textContent === wanted);
      if (ok) { rows[i].removeAttribute("data-out"); matched.push(rows[i]); } else { rows[i].setAttribute("data-out", "1"); }
      if (tableId !== "ranking") { rows[i].hidden = !ok; }
    }
    if (tableId === "ranking") {
      paginate(matched);
      doc.getElementById("rank-count").textContent = matched.length + " of " + rows.length + " match";
    }
  }
  Array.prototype.forEach.call(doc.querySelectorAll("input.search"), function (box) {
    box.addEventListener("input", function () { page = 0; filter(box.getAttribute("data-table")); });
  });
  var tagFilter = doc.getElementById("tag-filter");
  if (tagFilter) { tagFilter.addEventListener("change", function () { page = 0; filter("ranking"); }); }

  function csv(table) {
    var lines = [];
    Array.prototype.forEach.call(table.rows, function (row) {
      if (row.getAttribute("data-out")) { return; }
      lines.push(Array.prototype.map.call(row.cells, function (c) {
        return '"' + c.textContent.replace(/"/g, '""') + '"';
      }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  Array.prototype.forEach.call(doc.querySelectorAll("button.csv"), function (button) {
    button.addEventListener("click", function () {
      var id = button.getAttribute("data-table");
      var a = doc.createElement("a");
      a.href = "data:text/csv;charset=utf-8," + encodeURIComponent(csv(doc.getElementById(id)));
      a.download = id + ".csv";
      doc.body.appendChild(a);
      a.click();
      a.remove();
    });
  });

  var NS = "http://www.w3.org/2000/svg";
  Array.prototype.forEach.call(doc.querySelectorAll("svg.chart"), function (svg) {
    var t0 = +svg.getAttribute("data-t0"), t1 = +svg.getAttribute("data-t1");
    var l = +svg.getAttribute("data-l"), r = +svg.getAttribute("data-r");
    var line = doc.createElementNS(NS, "line"), label = doc.createElementNS(NS, "text");
    line.setAttribute("class", "cross"); label.setAttribute("class", "cross-label");
    line.setAttribute("y1", "12"); line.setAttribute("y2", "214"); label.setAttribute("y", "24");
    line.style.display = label.style.display = "none";
    svg.appendChild(line); svg.appendChild(label);
    svg.addEventListener("mousemove", function (e) {
      var box = svg.getBoundingClientRect();
      var x = (e.clientX - box.left) * svg.viewBox.baseVal.width / box.width;
      if (x < l || x > r) { line.style.display = label.style.display = "none"; return; }
      var day = new Date(t0 + (x - l) / (r - l) * (t1 - t0)).toISOString().slice(0, 10);
      line.setAttribute("x1", x); line.setAttribute("x2", x);
      label.setAttribute("x", x + 4); label.textContent = day;
      line.style.display = label.style.display = "";
    });
    svg.addEventListener("mouseleave", function () { line.style.display = label.style.display = "none"; });
  });

  filter("ranking");
  show();
  doc.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  doc.body.setAttribute("data-ready", "1");
})();
