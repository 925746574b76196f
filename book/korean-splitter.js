// The Korean site's search splits a query to match book/korean_search.py's index: a run of two
// or more Hangul syllables becomes its pairs of neighbouring syllables (기울기: 기울, 울기), all
// of which a page must hold; one syllable is itself; every other word stays whole.
function splitQuery(query) {
  const terms = [];
  for (const word of query.split(/[^\p{L}\p{N}_]+/u)) {
    for (const run of word.split(/([\uac00-\ud7a3]+)/)) {
      if (/^[\uac00-\ud7a3]{2,}$/.test(run)) {
        for (let k = 0; k + 1 < run.length; k++) terms.push(run.slice(k, k + 2));
      } else if (run) {
        terms.push(run);
      }
    }
  }
  return terms;
}
