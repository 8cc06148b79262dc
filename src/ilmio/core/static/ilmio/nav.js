// On a phone the main menu is one row that scrolls sideways: bring the current page's
// link into view so the reader sees where they are (without moving the page itself).
(function () {
  var current = document.querySelector(".main-nav a[aria-current='page']");
  var nav = document.querySelector(".main-nav");
  if (!current || !nav || nav.scrollWidth <= nav.clientWidth) return;
  nav.scrollLeft = current.offsetLeft - (nav.clientWidth - current.offsetWidth) / 2;
})();
