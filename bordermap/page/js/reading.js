// The reading view (issue #5): the text beside the map, linked both ways. A text is cut into chunks of paragraphs
// that are built only as they come near the screen (issue #12): 10 MB of text costs the DOM of what was read.
// Takes: the page's data, highlight(i, on), told when a mention is pointed at, and select(id, push, sentence), told
// when one is clicked. Returns: articles() for the panel, start(scroller) once they are on the page, mark(textId,
// start) and markNode(sentence) to mark a sentence, scrollTo(sentence, scroller), and renderAll() (for print).
function bmReading(data, highlight, select) {
  "use strict";
  var el = bmEl;
  var CHUNK_CHARS = 20000, EAGER_CHARS = 60000, CHARS_PER_LINE = 70, LINE_PX = 22;
  var readers = new Map();  // text id -> its chunks, sentences and marks
  var markedSentence = null, observer = null;

  // Which sentences of each text are quoted, and where each name is, from every place's passages: one pass.
  var byText = data.texts.map(function () { return {sentences: new Map(), marks: []}; });
  for (var i = 0; i < data.count; i++) {
    data.eachPassage(i, function (textIndex, start, end, pairs) {
      var found = byText[textIndex];
      found.sentences.set(start, Math.max(found.sentences.get(start) || 0, end));
      for (var k = 0; k < pairs.length; k += 2) { found.marks.push([start + pairs[k], start + pairs[k + 1], i]); }
    });
  }
  byText.forEach(function (found) {
    found.marks.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
  });

  function sentenceId(textId, start) { return "bm-s-" + textId + "-" + start; }

  // Where the line break after `from` starts and ends; CRLF, CR and LF each end a line, as in bordermap's Python.
  function lineBreak(content, from) {
    var pattern = /\r\n|\r|\n/g;
    pattern.lastIndex = from;
    var found = pattern.exec(content);
    return found ? [found.index, found.index + found[0].length] : [content.length, content.length];
  }

  function firstMarkFrom(marks, offset) {
    var lo = 0, hi = marks.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (marks[mid][0] < offset) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  function mention(mark) {
    var i = mark[2], id = data.id(i);
    var link = el("a", "bm-mention", null);
    link.href = "#place=" + encodeURIComponent(id);
    link.setAttribute("data-place", id);
    link.addEventListener("mouseenter", function () { highlight(i, true); });
    link.addEventListener("mouseleave", function () { highlight(i, false); });
    link.addEventListener("click", function (event) {
      event.preventDefault();
      select(id, true, link.closest(".bm-sentence"));  // the sentence read stays where it is, marked
    });
    return link;
  }

  function paragraph(content, start, end, found, textId, into) {
    var para = into || el("p", "bm-paragraph");
    var at = start, container = para, sentenceEnd = null, marks = found.marks;
    function flush(upTo) {
      if (upTo > at) { container.appendChild(document.createTextNode(content.slice(at, upTo))); at = upTo; }
    }
    var markIndex = firstMarkFrom(marks, start);
    for (var i = start; i <= end; i++) {
      if (sentenceEnd !== null && i === sentenceEnd) { flush(i); container = para; sentenceEnd = null; }
      if (i === end) { flush(end); break; }
      if (sentenceEnd === null && found.sentences.has(i)) {
        flush(i);
        var span = el("span", "bm-sentence");
        span.id = sentenceId(textId, i);
        para.appendChild(span);
        container = span;
        sentenceEnd = Math.min(found.sentences.get(i), end);
      }
      while (markIndex < marks.length && marks[markIndex][0] < i) { markIndex++; }
      if (markIndex < marks.length && marks[markIndex][0] === i && marks[markIndex][1] <= (sentenceEnd || end)) {
        var mark = marks[markIndex];
        flush(i);
        var link = mention(mark);
        link.textContent = content.slice(mark[0], mark[1]);
        container.appendChild(link);
        at = mark[1];
        i = mark[1] - 1;
        while (markIndex < marks.length && marks[markIndex][0] < mark[1]) { markIndex++; }
      }
    }
    return para;
  }

  function renderChunk(reader, chunk) {
    if (chunk.rendered) { return; }
    chunk.rendered = true;
    if (observer) { observer.unobserve(chunk.node); }
    chunk.node.style.minHeight = "";
    chunk.paragraphs.forEach(function (range) {
      chunk.node.appendChild(paragraph(reader.content, range[0], range[1], reader.found, reader.id));
    });
  }

  function textPaneFor(text, index) {
    var article = el("article", "bm-text");
    var reader = {id: text.id, content: text.content, found: byText[index], chunks: []};
    var content = text.content, chunk = null, titleEnd = lineBreak(content, 0);
    // The first line is the title: drawn as a heading, but a sentence like any other, to be marked and linked.
    article.appendChild(paragraph(content, 0, titleEnd[0], reader.found, text.id, el("h2", "bm-text-title")));
    var byline = [text.publication, text.date].filter(Boolean).join(", ");
    if (byline) { article.appendChild(el("p", "bm-byline", byline)); }
    var lineStart = titleEnd[1];
    while (lineStart < content.length) {
      var lineEnd = lineBreak(content, lineStart);
      if (content.slice(lineStart, lineEnd[0]).trim()) {
        if (!chunk || chunk.end - chunk.start >= CHUNK_CHARS) {
          chunk = {start: lineStart, end: lineStart, paragraphs: [], rendered: false,
                   node: el("div", "bm-chunk")};
          reader.chunks.push(chunk);
          article.appendChild(chunk.node);
        }
        chunk.paragraphs.push([lineStart, lineEnd[0]]);
        chunk.end = lineEnd[0];
      }
      lineStart = lineEnd[1];
    }
    readers.set(text.id, reader);
    return article;
  }

  // Builds the first chunks now and the rest when they come within a screen or two of the panel's view.
  function startReading(scroller) {
    var eager = 0;
    readers.forEach(function (reader) {
      reader.chunks.forEach(function (chunk) {
        if (eager < EAGER_CHARS) {
          eager += chunk.end - chunk.start;
          renderChunk(reader, chunk);
          return;
        }
        chunk.node.style.minHeight = Math.ceil((chunk.end - chunk.start) / CHARS_PER_LINE) * LINE_PX + "px";
        chunk.reader = reader;
      });
    });
    var pending = [];
    readers.forEach(function (reader) {
      reader.chunks.forEach(function (chunk) { if (!chunk.rendered) { pending.push(chunk); } });
    });
    if (!pending.length) { return; }
    var byNode = new Map();
    pending.forEach(function (chunk) { byNode.set(chunk.node, chunk); });
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var chunk = byNode.get(entry.target);
        if (entry.isIntersecting && chunk) { renderChunk(chunk.reader, chunk); }
      });
    }, {root: scroller, rootMargin: "1500px 0px"});
    pending.forEach(function (chunk) { observer.observe(chunk.node); });
  }

  // The sentence that starts at `start`, built if its chunk was not yet.
  function sentenceAt(textId, start) {
    var reader = readers.get(textId);
    if (!reader) { return null; }
    var lo = 0, hi = reader.chunks.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (reader.chunks[mid].end < start) { lo = mid + 1; } else { hi = mid; } }
    if (lo < reader.chunks.length) { renderChunk(reader, reader.chunks[lo]); }
    return document.getElementById(sentenceId(textId, start));
  }

  function mark(textId, start) {
    return markNode(sentenceAt(textId, start));
  }

  function markNode(sentence) {
    if (!sentence) { return null; }
    if (markedSentence) { markedSentence.classList.remove("bm-marked"); }
    sentence.classList.add("bm-marked");
    markedSentence = sentence;
    return sentence;
  }

  // Scrolls the panel (on a phone, the page) so that the sentence is in view, a third of the way down.
  function scrollToSentence(sentence, scroller) {
    if (scroller) {
      var box = scroller.getBoundingClientRect(), at = sentence.getBoundingClientRect();
      scroller.scrollTop += at.top - box.top - box.height / 3;
    } else {
      sentence.scrollIntoView({block: "center"});
    }
  }

  return {
    articles: function () { return data.texts.map(textPaneFor); },
    start: startReading,
    mark: mark,
    markNode: markNode,
    scrollTo: scrollToSentence,
    // Every chunk built now: for printing, which shows the whole text whatever was read.
    renderAll: function () {
      readers.forEach(function (reader) { reader.chunks.forEach(function (chunk) { renderChunk(reader, chunk); }); });
    }
  };
}
