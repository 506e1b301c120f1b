/* Turns the spelled-out contact addresses of partnership pages into mailto links. The address is in
   base64 in data-escp-email, so that naive scrapers of the HTML do not find it. */
(function () {
  "use strict";
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
      link.href = "mailto:" + address;
      link.textContent = address;
      span.replaceChildren(link);
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { revealEmails(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { revealEmails(document); });
  }
})();
