// The site's search ranks the chapters first: a page of the book about a word comes before
// an entry of the lstm_lib page whose name merely contains it (Sphinx ranks those first).
var Scorer = {
  score: ([docname, title, anchor, descr, score, filename, kind]) =>
    score + (docname.startsWith("notebooks/") ? 10 : 0) - (kind === "object" ? 10 : 0),
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
