// Reading on a phone and on a desktop: equations that fit, figures that open at full size.
"use strict";

// An equation wider than its column (a display) or its line's block (inline math) is set
// in a smaller size until it fits.
function fitEquations() {
  for (const box of document.querySelectorAll("article mjx-container")) {
    const math = box.querySelector("mjx-math");
    if (!math) continue;
    if (box.dataset.size === undefined) box.dataset.size = parseFloat(box.style.fontSize) || 100;
    box.style.fontSize = `${box.dataset.size}%`;
    const block = box.getAttribute("display") ? box.parentElement : box.closest("p, li, td, th");
    const room = block ? block.clientWidth : document.documentElement.clientWidth;
    const width = math.getBoundingClientRect().width;
    if (width > room) {
      box.style.fontSize = `${((box.dataset.size * room) / width) * 0.98}%`;
    }
  }
}

// A click on a figure or a plot shows it at its own size, to scroll and read; Escape,
// the close button or a click on the picture go back.
function openZoom(image) {
  const dialog = document.createElement("dialog");
  dialog.className = "zoom";
  dialog.setAttribute("aria-label", image.alt || "image");
  const close = document.createElement("button");
  close.className = "btn";
  close.textContent = "✕";
  close.setAttribute("aria-label", "Close");
  const large = document.createElement("img");
  large.src = image.currentSrc || image.src;
  large.alt = image.alt;
  const caption = document.createElement("p");
  caption.textContent = image.alt;
  dialog.append(close, large, caption);
  document.body.append(dialog);
  dialog.addEventListener("close", () => dialog.remove());
  close.addEventListener("click", () => dialog.close());
  large.addEventListener("click", () => dialog.close());
  dialog.showModal();
}

function makeZoomable() {
  for (const image of document.querySelectorAll("article img")) {
    if (image.closest("a")) continue;
    image.classList.add("zoomable");
    image.tabIndex = 0;
    image.title = "Open at full size";
    image.addEventListener("click", () => openZoom(image));
    image.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        openZoom(image);
      }
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  makeZoomable();
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    MathJax.startup.promise.then(fitEquations);
  }
  let pending = null;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(fitEquations, 100);
  });
});
