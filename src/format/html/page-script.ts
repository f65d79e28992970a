/**
 * The reports' one inline script: sorting a table by clicking a column's header button,
 * filtering a table's rows by select boxes, and opening every `details` before printing.
 * Plain ES2017 for any browser; it reads only the page (data-* attributes), fetches nothing.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  function key(cell) {
    var k = cell.getAttribute('data-sort');
    return k === null ? cell.textContent.trim() : k;
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, 'da');
  }
  document.querySelectorAll('table[data-sortable] thead th button').forEach(function (button) {
    button.addEventListener('click', function () {
      var th = button.closest('th');
      var table = button.closest('table');
      var body = table.tBodies[0];
      var column = Array.prototype.indexOf.call(th.parentNode.children, th);
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (r, s) {
        var c = compare(key(r.cells[column]), key(s.cells[column]));
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function applyFilters(tableId) {
    var table = document.getElementById(tableId);
    if (table === null) return;
    var selects = document.querySelectorAll('select[data-filter-for="' + tableId + '"]');
    var shown = 0, total = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = true;
      selects.forEach(function (s) {
        if (s.value === '') return;
        var tokens = (row.getAttribute('data-f-' + s.getAttribute('data-filter-key')) || '').split(' ');
        if (tokens.indexOf(s.value) < 0) ok = false;
      });
      row.hidden = !ok;
      total++;
      if (ok) shown++;
    });
    var count = document.querySelector('[data-count-for="' + tableId + '"]');
    if (count !== null) count.textContent = 'Viser ' + shown + ' af ' + total + '.';
  }
  document.querySelectorAll('select[data-filter-for]').forEach(function (s) {
    s.addEventListener('change', function () { applyFilters(s.getAttribute('data-filter-for')); });
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
})();
`;
