/* Turns the spelled-out contact addresses of partnership pages into mailto links (with the subject in
   data-escp-subject, if any). The address is in base64 in data-escp-email, so that naive scrapers of
   the HTML do not find it. Also names Material's
   search dialog, which its template leaves without an accessible name. */
(function () {
  "use strict";
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    if (dialog) dialog.setAttribute("aria-label", "Search this site");
  }
  function revealEmails(root) {
    root.querySelectorAll("span.escp-email[data-escp-email]").forEach(function (span) {
      var address;
      try {
        address = new TextDecoder().decode(
          Uint8Array.from(atob(span.getAttribute("data-escp-email")), function (c) { return c.charCodeAt(0); })
        );
      } catch (error) {
        return;
      }
      if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(address)) return;
      var link = document.createElement("a");
      var subject = span.getAttribute("data-escp-subject");
      link.href = "mailto:" + address + (subject ? "?subject=" + encodeURIComponent(subject) : "");
      link.textContent = address;
      span.replaceChildren(link);
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { nameSearchDialog(); revealEmails(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { nameSearchDialog(); revealEmails(document); });
  }
})();
