// Reading on a phone and on a desktop: equations that fit, figures and equations that open
// at full size.
"use strict";

// What this script writes on a page, in the page's language (<html lang>).
const WORDS_IN = {
  en: { open: "Open at full size", close: "Close", equation: "The equation at full size" },
  ko: { open: "원래 크기로 열기", close: "닫기", equation: "원래 크기의 식" },
};
const WORDS = WORDS_IN[document.documentElement.lang] || WORDS_IN.en;

// A click (or Enter) on a figure, a plot or a shrunk equation shows it at its own size, to
// scroll and read; Escape, the close button or a click on it go back.
function openZoom(content, label) {
  const dialog = document.createElement("dialog");
  dialog.className = "zoom";
  dialog.setAttribute("aria-label", label);
  const close = document.createElement("button");
  close.className = "btn";
  close.textContent = "✕";
  close.setAttribute("aria-label", WORDS.close);
  const caption = document.createElement("p");
  caption.textContent = label;
  dialog.append(close, content, caption);
  document.body.append(dialog);
  dialog.addEventListener("close", () => dialog.remove());
  close.addEventListener("click", () => dialog.close());
  content.addEventListener("click", () => dialog.close());
  dialog.showModal();
}

function zoomable(element, open) {
  element.classList.add("zoomable");
  element.tabIndex = 0;
  element.title = WORDS.open;
  if (element.dataset.zoomReady) return;
  element.dataset.zoomReady = "yes";
  element.addEventListener("click", () => element.classList.contains("zoomable") && open());
  element.addEventListener("keydown", (event) => {
    if ((event.key === "Enter" || event.key === " ") && element.classList.contains("zoomable")) {
      event.preventDefault();
      open();
    }
  });
}

function makeImagesZoomable() {
  for (const image of document.querySelectorAll("article img")) {
    if (image.closest("a")) continue;
    zoomable(image, () => {
      const large = document.createElement("img");
      large.src = image.currentSrc || image.src;
      large.alt = image.alt;
      openZoom(large, image.alt);
    });
  }
}

// An equation wider than its column (a display) or its line's block (inline math) is set
// in a smaller size until it fits; one set much smaller opens at full size on a click.
function fitEquations() {
  for (const box of document.querySelectorAll("article mjx-container")) {
    const math = box.querySelector("mjx-math");
    if (!math) continue;
    if (box.dataset.size === undefined) box.dataset.size = parseFloat(box.style.fontSize) || 100;
    box.style.fontSize = `${box.dataset.size}%`;
    box.classList.remove("zoomable");
    box.removeAttribute("tabindex");
    box.removeAttribute("title");
    const display = box.getAttribute("display");
    const block = display ? box.parentElement : box.closest("p, li, td, th");
    const room = block ? block.clientWidth : document.documentElement.clientWidth;
    const width = math.getBoundingClientRect().width;
    if (width <= room) continue;
    const scale = (room / width) * 0.98;
    box.style.fontSize = `${box.dataset.size * scale}%`;
    if (display && scale < 0.8) {
      zoomable(box, () => {
        const large = box.cloneNode(true);
        large.style.fontSize = `${box.dataset.size}%`;
        large.classList.remove("zoomable");
        openZoom(large, WORDS.equation);
      });
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  makeImagesZoomable();
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    MathJax.startup.promise.then(fitEquations);
  }
  let pending = null;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(fitEquations, 100);
  });
});
