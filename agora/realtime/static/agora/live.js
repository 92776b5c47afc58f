// Live pages: what each page does with the signed-in person's events (GET /events/).
// Events carry a type and ids, never content: the page fetches what changed through the
// same permission-checked views it was drawn with.
//
// One stream per browser, shared by its tabs: the tab that holds the Web Lock
// "agora-live" opens the EventSource and passes each event to the others over a
// BroadcastChannel; when it closes, the lock passes to another tab, which opens the
// stream again and resumes where the browser was (Last-Event-ID through ?last=). A
// browser without Web Locks opens one stream per tab. EventSource reconnects by itself
// with Last-Event-ID, so the server replays what was missed while the connection was
// down.
(function () {
  "use strict";
  const body = document.body;
  const streamUrl = body.dataset.liveUrl;
  if (!streamUrl || !window.EventSource) return;

  function fetchHtml(url) {
    return fetch(url, { headers: { "HX-Request": "true" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; });
  }

  // Insert HTML the way htmx does, so its attributes (reaction forms, reply boxes) work.
  function insert(target, html, where) {
    if (!html) return;
    const holder = document.createElement("template");
    holder.innerHTML = html.trim();
    const added = [];
    Array.from(holder.content.children).forEach(function (element) {
      const oob = element.getAttribute("hx-swap-oob");
      if (oob) {
        element.removeAttribute("hx-swap-oob");
        const existing = element.id && document.getElementById(element.id);
        if (existing) existing.replaceWith(element);
        return;
      }
      target.insertAdjacentElement(where, element);
      added.push(element);
    });
    if (window.htmx) added.forEach(function (element) { window.htmx.process(element); });
  }

  // --- The bell -------------------------------------------------------------------------
  let bellTimer = null;
  function redrawBell() {
    clearTimeout(bellTimer);
    bellTimer = setTimeout(function () {
      const bell = document.getElementById("bell");
      if (!bell || !body.dataset.bellUrl) return;
      fetchHtml(body.dataset.bellUrl).then(function (html) {
        if (!html) return;
        const holder = document.createElement("template");
        holder.innerHTML = html.trim();
        const fresh = holder.content.firstElementChild;
        if (fresh) document.getElementById("bell").replaceWith(fresh);
      });
    }, 150);
  }

  // --- "N new posts" above the feed being read --------------------------------------------
  const feed = document.querySelector("[data-live-feed]");
  let newPosts = 0;
  function countNewPost(event) {
    if (!feed || event.data.author === Number(body.dataset.userId)) return;
    if (!["post", "question"].includes(event.data.kind)) return;
    const spaces = (feed.dataset.liveSpaces || "").split(",").filter(Boolean).map(Number);
    const kind = feed.dataset.liveFeed;
    const companyWide = event.space === null;
    const here = kind === "company" ? companyWide
      : kind === "space" ? spaces.includes(event.space)
      : companyWide || spaces.includes(event.space);
    if (!here) return;
    newPosts += 1;
    let banner = document.getElementById("new-posts");
    if (!banner) {
      banner = document.createElement("button");
      banner.id = "new-posts";
      banner.type = "button";
      banner.className = "button new-posts";
      banner.addEventListener("click", function () { window.location.reload(); });
      feed.insertAdjacentElement("beforebegin", banner);
    }
    banner.textContent = newPosts === 1 ? "1 new post · Show" : newPosts + " new posts · Show";
  }

  // --- Comments on a post that is on the page ----------------------------------------------
  // What this person wrote on this page arrives with the answer to their own request;
  // only if it has not after a moment (another tab of theirs wrote it) is it fetched.
  function unlessMine(event, draw) {
    if (event.data.author === Number(body.dataset.userId)) setTimeout(draw, 1500);
    else draw();
  }

  function addComment(event) {
    unlessMine(event, function () { drawComment(event); });
  }

  function drawComment(event) {
    const postId = event.data.post;
    const commentId = event.data.comment;
    if (document.getElementById("comment-" + commentId)) return; // already drawn
    const parent = event.data.parent;
    const place = parent ? document.getElementById("replies-" + parent)
      : document.getElementById("thread-" + postId) || document.getElementById("comments-" + postId);
    const count = document.getElementById("comment-count-" + postId);
    if (!place && !count) return; // the post is not on this page
    const url = body.dataset.commentUrl.replace(/\/0\/$/, "/" + commentId + "/");
    fetchHtml(url).then(function (html) {
      if (document.getElementById("comment-" + commentId)) return;
      if (place && place.id.indexOf("comments-") !== 0) {
        const empty = place.querySelector(".thread-empty");
        if (empty) empty.remove();
        insert(place, html, "beforeend");
      } else {
        // A closed comment panel under a card: only the count changes.
        const holder = document.createElement("div");
        insert(holder, html, "beforeend");
      }
    });
  }

  // --- A post removed while someone looks at it -----------------------------------------
  function removePost(event) {
    const card = document.getElementById("post-" + event.data.post);
    if (!card) return;
    const notice = document.createElement("p");
    notice.className = "card notice muted";
    notice.setAttribute("role", "status");
    notice.textContent = "This post was removed.";
    card.replaceWith(notice);
  }

  function removeComment(event) {
    const comment = document.getElementById("comment-" + event.data.comment);
    if (!comment) return;
    const body = comment.querySelector(".comment-main");
    if (body) {
      const notice = document.createElement("p");
      notice.className = "muted small comment-deleted";
      notice.textContent = "This comment was deleted.";
      body.replaceWith(notice);
      const photo = comment.querySelector(".avatar");
      if (photo) photo.remove();
    }
  }

  // --- Answers to the question on the page ---------------------------------------------
  function addAnswer(event) {
    unlessMine(event, function () { drawAnswer(event); });
  }

  function drawAnswer(event) {
    const answers = document.getElementById("answers");
    if (!answers || Number(answers.dataset.question) !== event.data.parent) return;
    const id = "answer-" + event.data.post;
    if (document.getElementById(id)) return; // already drawn
    const url = answers.dataset.answerUrl.replace(/\/0\/$/, "/" + event.data.post + "/");
    fetchHtml(url).then(function (html) {
      const list = document.getElementById("answer-list");
      if (list && !document.getElementById(id)) insert(list, html, "beforeend");
    });
  }

  // --- Reaction counts --------------------------------------------------------------------
  function redrawReactions(event) {
    const comment = event.data.comment;
    const base = comment ? body.dataset.reactCommentUrl : body.dataset.reactUrl;
    const url = base.replace(/\/0\/([^/]*\/)?$/, function (_, rest) {
      return "/" + (comment || event.data.post) + "/" + (rest || "");
    });
    const bars = document.querySelectorAll('form.reactions[action="' + url + '"]');
    if (!bars.length) return;
    fetchHtml(url).then(function (html) {
      bars.forEach(function (bar) {
        if (!bar.isConnected || !html) return;
        const holder = document.createElement("template");
        holder.innerHTML = html.trim();
        const fresh = holder.content.firstElementChild;
        if (!fresh) return;
        bar.replaceWith(fresh);
        if (window.htmx) window.htmx.process(fresh);
      });
    });
  }

  // --- A video on the page that finished processing (or failed) ---------------------------
  function redrawFiles(event) {
    const figures = [];
    (event.data.attachments || []).forEach(function (id) {
      document.querySelectorAll('[data-video="' + Number(id) + '"]').forEach(function (f) {
        figures.push(f);
      });
    });
    if (!figures.length) return;
    const url = body.dataset.postUrl.replace(/\/0\/$/, "/" + event.data.post + "/");
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        if (!html) return;
        const page = new DOMParser().parseFromString(html, "text/html");
        figures.forEach(function (figure) {
          const fresh = page.querySelector('[data-video="' + figure.dataset.video + '"]');
          if (!fresh || !figure.isConnected) return;
          const drawn = document.importNode(fresh, true);
          drawn.className = figure.className; // compact in a feed, full on the post
          figure.replaceWith(drawn);
        });
      });
  }

  const handlers = {
    "notification.created": redrawBell,
    "post.created": function (event) {
      if (event.data.kind === "answer") addAnswer(event); else countNewPost(event);
    },
    "reaction.added": redrawReactions,
    "reaction.removed": redrawReactions,
    "post.deleted": removePost,
    "post.files_changed": redrawFiles,
    "comment.created": addComment,
    "comment.deleted": removeComment,
    "refresh": function () { /* away too long: what is on the page stays until a reload */ },
  };

  let lastId = 0;
  function handle(id, text) {
    const number = Number(id);
    if (number && number <= lastId) return; // already handled (another path, a replay)
    if (number) lastId = number;
    let event;
    try { event = JSON.parse(text); } catch (e) { return; }
    const handler = handlers[event.type];
    if (handler) handler(event);
    document.dispatchEvent(new CustomEvent("agora:live", { detail: event }));
  }

  function listen(onMessage) {
    const url = lastId ? streamUrl + "?last=" + lastId : streamUrl;
    const source = new EventSource(url);
    source.onmessage = function (event) { onMessage(event.lastEventId, event.data); };
    window.addEventListener("pagehide", function () { source.close(); });
  }

  if (navigator.locks && window.BroadcastChannel) {
    const channel = new BroadcastChannel("agora-live");
    channel.onmessage = function (message) { handle(message.data.id, message.data.body); };
    navigator.locks.request("agora-live", function () {
      // This tab holds the stream for the browser until it closes.
      return new Promise(function () {
        listen(function (id, text) {
          handle(id, text);
          channel.postMessage({ id: id, body: text });
        });
      });
    });
  } else {
    listen(handle);
  }
  body.dataset.live = "on"; // for tests: the page listens
})();
