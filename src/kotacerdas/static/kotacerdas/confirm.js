// A form marked data-confirm="question" asks before it submits (no inline handlers: the Content-Security-Policy
// allows scripts from this site's files only).
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
