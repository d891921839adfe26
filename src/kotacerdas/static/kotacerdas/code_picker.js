// The code pickers of the program and activity forms (issue 12). Without this script the code field is a text
// input with a short <datalist> and a link to the search page; with it, typing asks the search page for at most a
// few matches (JSON), the official name is shown under the field, and a chosen code fills what the user left
// empty: the program's name, or the activity's output indicator and unit proposed by a sub kegiatan.
(function () {
  "use strict";

  function setup(input) {
    if (input.dataset.codePickerReady) return;
    input.dataset.codePickerReady = "1";
    var list = document.getElementById(input.getAttribute("list"));
    var line = document.getElementById(input.id + "_official");
    var kind = input.dataset.codeKind;
    var program = input.dataset.programField && document.getElementById(input.dataset.programField);
    var known = {};
    var timer = null;
    var pending = null;

    function field(id) {
      return id ? document.getElementById(id) : null;
    }

    // Fill an empty field, or one that still holds what this script filled before; never what the user typed.
    function propose(target, value) {
      if (!target || !value) return;
      if (target.maxLength > 0 && value.length > target.maxLength) {
        value = value.slice(0, target.maxLength - 1).trimEnd() + "…";  // as the server clips it
      }
      if (target.value.trim() === "" || target.value === target.dataset.proposed) {
        target.value = value;
        target.dataset.proposed = value;
      }
    }

    function address(q) {
      var url = new URL(input.dataset.codeSearch, window.location.href);
      url.searchParams.set("format", "json");
      url.searchParams.set("q", q);
      if (kind === "program") url.searchParams.set("jenis", "program");
      else if (program && program.value) url.searchParams.set("program", program.value);
      return url;
    }

    function show(rows) {
      list.replaceChildren();
      rows.forEach(function (row) {
        known[row.code] = row;
        var option = document.createElement("option");
        option.value = row.code;
        option.label = row.level + " · " + row.name;
        list.appendChild(option);
      });
    }

    function describe() {
      var row = known[input.value.trim()];
      if (!row) return;
      line.replaceChildren();
      var span = document.createElement("span");
      span.className = "code-known";
      span.textContent = row.level + " " + row.code + ": " + row.name;
      line.appendChild(span);
      if (kind === "program") {
        propose(field(input.dataset.nameField), row.name);
      } else if (row.indikator) {
        var indicator = field(input.dataset.indicatorField);
        propose(indicator, row.indikator);
        // The unit goes with the official indicator only, not with one the user wrote.
        if (indicator && indicator.value === indicator.dataset.proposed) {
          propose(field(input.dataset.unitField), row.satuan);
          if (input.dataset.proposedNote) {
            var note = document.createElement("span");
            note.className = "block muted";
            note.textContent = input.dataset.proposedNote;
            line.appendChild(note);
          }
        }
      }
    }

    function ask(q) {
      if (pending) pending.abort();
      pending = new AbortController();
      return fetch(address(q), {
        signal: pending.signal,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          show(data.results || []);
          describe();
        })
        .catch(function () {});
    }

    input.addEventListener("input", function () {
      var value = input.value.trim();
      if (known[value]) describe();
      clearTimeout(timer);
      timer = setTimeout(function () {
        ask(value);
      }, 250);
    });
    if (program) {
      program.addEventListener("change", function () {
        known = {};
        ask("");
      });
    }
  }

  function start() {
    document.querySelectorAll("input[data-code-search]").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
