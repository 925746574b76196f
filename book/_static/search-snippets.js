// Readable snippets under the search results: the page's text without the theme's menus and
// buttons, and its TeX as plain symbols (\odot as ⊙, c_{t-1} as c_(t-1)) instead of source.
"use strict";

const TEX_SYMBOLS = {
  odot: "⊙", sigma: "σ", partial: "∂", cdot: "·", times: "×", sum: "Σ", prod: "Π",
  approx: "≈", le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", to: "→", rightarrow: "→",
  leftarrow: "←", infty: "∞", in: "∈", alpha: "α", beta: "β", eta: "η", lambda: "λ",
  theta: "θ", delta: "δ", Delta: "Δ", epsilon: "ε", mu: "μ", pi: "π", tau: "τ", ldots: "…",
  dots: "…", quad: " ", qquad: " ",
};

function texAsText(tex) {
  let text = tex.replace(/^\\[([]|\\[)\]]$/g, "");
  text = text.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, "($1)/($2)");
  text = text.replace(/\\(?:mathrm|mathbf|text|operatorname|boldsymbol)\{([^{}]*)\}/g, "$1");
  text = text.replace(/\\([A-Za-z]+)/g, (whole, name) => TEX_SYMBOLS[name] ?? name);
  text = text.replace(/([_^])\{([^{}]{2,})\}/g, "$1($2)");
  text = text.replace(/\\[,;:!]|\\left|\\right|[{}&]|\\\\/g, " ");
  return text.replace(/\s+/g, " ").trim();
}

document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined") return;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    const noise =
      ".headerlink, script, style, h1, .bd-header-article, .onlyprint, .cell_input, .copybtn";
    page.querySelectorAll(noise).forEach((element) => element.remove());
    page.querySelectorAll(".math").forEach((math) => {
      math.textContent = ` ${texAsText(math.textContent.trim())} `;
    });
    const main = page.querySelector('[role="main"]');
    const block = (anchor && main && main.querySelector(anchor)) || main;
    return block ? block.textContent.replace(/\s+/g, " ") : "";
  };
});
