// Agora's small amount of JavaScript: what htmx cannot do declaratively.
(function () {
  "use strict";

  function showToast(message, level) {
    var box = document.getElementById("toasts");
    if (!box) return;
    var toast = document.createElement("div");
    toast.className = "toast toast-" + (level || "info");
    toast.textContent = message;
    box.appendChild(toast);
    setTimeout(function () { toast.remove(); }, 5000);
  }

  // An icon this script draws: a <use> of the Lucide icon base.html defines once per page
  // (agora.core.icons.SHARED names them), as the server draws it; hidden from screen readers.
  var SVG_NS = "http://www.w3.org/2000/svg";
  function icon(name) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("class", "icon icon-" + name);
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var use = document.createElementNS(SVG_NS, "use");
    use.setAttribute("href", "#i-" + name);
    svg.appendChild(use);
    return svg;
  }

  document.addEventListener("DOMContentLoaded", function () {
    // Server-rendered messages fade after a while.
    document.querySelectorAll("#toasts .toast").forEach(function (toast) {
      setTimeout(function () { toast.remove(); }, 6000);
    });

    // The installable app's service worker (the offline page; agora/core/webapp.py).
    var worker = document.body.dataset.serviceWorker;
    if (worker && "serviceWorker" in navigator) {
      navigator.serviceWorker.register(worker, { scope: "/" }).catch(function () {});
    }

    // A row of tabs wider than the screen scrolls to the chosen one.
    document.querySelectorAll(".tabs-scroll [aria-current='page']").forEach(function (tab) {
      var row = tab.parentElement;
      row.scrollLeft = tab.offsetLeft - row.offsetLeft - 16;
    });

    // The left rail is a drawer on phones.
    var toggle = document.querySelector("[data-rail-toggle]");
    var rail = document.getElementById("rail");
    if (toggle && rail) {
      toggle.addEventListener("click", function () {
        var open = rail.classList.toggle("open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
    setUpPhoneSearch();
  });

  // On phones the top bar's search box is behind a button (a link to the search page, for
  // browsers without JavaScript) that opens it as a row over the whole top bar, with its
  // suggestions the width of the screen below. The close button, Escape, or a tap outside
  // shut it; focus goes back to the button.
  function setUpPhoneSearch() {
    var topbar = document.querySelector("[data-topbar]");
    var toggle = document.querySelector("[data-search-toggle]");
    var box = document.getElementById("topbar-q");
    if (!topbar || !toggle || !box) return;
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");

    function open() {
      topbar.classList.add("search-open");
      toggle.setAttribute("aria-expanded", "true");
      box.focus();
    }
    function close(refocus) {
      if (!topbar.classList.contains("search-open")) return;
      topbar.classList.remove("search-open");
      toggle.setAttribute("aria-expanded", "false");
      if (refocus) toggle.focus();
    }
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      open();
    });
    toggle.addEventListener("keydown", function (event) {
      // A link answers Enter; a button also answers Space.
      if (event.key === " ") {
        event.preventDefault();
        open();
      }
    });
    var closer = topbar.querySelector("[data-search-close]");
    if (closer) closer.addEventListener("click", function () { close(true); });
    topbar.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && topbar.classList.contains("search-open")) {
        event.preventDefault();
        close(true);
      }
    });
    document.addEventListener("click", function (event) {
      if (!topbar.contains(event.target)) close(false);
    });
  }

  // Close an open menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      menu.removeAttribute("open");
      var summary = menu.querySelector("summary");
      if (summary) summary.focus();
    });
  });

  // A form marked data-reset-on-success empties itself once htmx has posted it.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!(form instanceof HTMLFormElement)) return;
    stopProgress(form);
    if (!form.hasAttribute("data-reset-on-success")) return;
    if (event.detail.successful) {
      form.reset();
      form.querySelectorAll("#composer-error, [data-form-error]").forEach(function (box) {
        box.innerHTML = "";
      });
      form.querySelectorAll("[data-attach-input]").forEach(clearFiles);
      var details = form.closest("details.reply-box");
      if (details) details.removeAttribute("open");
    }
  });

  // Network failures and server errors get a message instead of silence.
  document.addEventListener("htmx:sendError", function () {
    showToast("Agora could not be reached. Check your connection and try again.", "error");
  });
  document.addEventListener("htmx:responseError", function (event) {
    // 507 (no room for files) carries its own message, which htmx swaps in.
    if (event.detail.xhr && event.detail.xhr.status >= 500 && event.detail.xhr.status !== 507) {
      showToast("Something went wrong on our side. Please try again.", "error");
    }
  });

  // htmx parses fragments with scripting off, so their <noscript> fallbacks arrive as live
  // form fields: drop them, or they would be shown and posted.
  document.addEventListener("htmx:load", function (event) {
    var root = event.detail.elt;
    if (root && root.querySelectorAll) {
      root.querySelectorAll("noscript").forEach(function (n) { n.remove(); });
    }
  });

  // Actions answer with an HX-Trigger toast (deleted, saved, …).
  document.addEventListener("agora:toast", function (event) {
    showToast(event.detail.message, event.detail.level);
  });

  // --- @mentions ------------------------------------------------------------------------
  // A textarea inside <text-expander keys="@"> (the npm package
  // @github/text-expander-element, loaded as a module by base.html) offers people as "@"
  // and the first letters of a name or handle are typed: the menu is people:mentions'
  // listbox, which the library drives from the keyboard (arrow keys to move, Enter or Tab
  // to choose, Escape to close) through aria-activedescendant. Choosing writes "@handle ".
  // Its events do not bubble, so they are caught on their way down (capture).
  var MENTION_PREFIX = /^[\p{L}\p{N}_.'-]{1,64}$/u; // as people.views.MENTION_PREFIX

  var newestMenu = new WeakMap(); // <text-expander> → its latest request's menu

  function emptyMenu() {
    return { matched: false, fragment: document.createElement("ul") };
  }

  document.addEventListener("text-expander-change", function (event) {
    var expander = event.target;
    var detail = event.detail;
    var url = document.body.dataset.mentionsUrl;
    if (detail.key !== "@" || !url || !MENTION_PREFIX.test(detail.text)) return;
    var menu = fetch(url + "?q=" + encodeURIComponent(detail.text), {
      credentials: "same-origin",
      headers: { "HX-Request": "true" },
    })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        var holder = document.createElement("template");
        holder.innerHTML = html; // the server's own fragment, every name escaped by Django
        var list = holder.content.querySelector("[role=listbox]");
        if (!list || !list.querySelector("[role=option]")) return emptyMenu();
        return { matched: true, fragment: list };
      })
      .catch(emptyMenu);
    // Each letter asks again, and answers may come back out of order: every request
    // settles with the newest one's menu, so "@s" answering late never replaces "@sa".
    newestMenu.set(expander, menu);
    detail.provide(menu.then(function () { return newestMenu.get(expander); }));
  }, true);

  document.addEventListener("text-expander-value", function (event) {
    if (event.detail.key === "@") event.detail.value = event.detail.item.dataset.value;
  }, true);

  // --- Attachments -----------------------------------------------------------------------
  // An "Attach" input (data-attach-input) lists what was chosen in its form's panel
  // (data-attach-panel): name, kind and size, a description field per image (posted as
  // alt_text_<index in the file list>) and, once a video is chosen, a captions input.
  // Choosing again adds to the list, and each file can be removed: the input's own file
  // list is rebuilt each time, so the form posts exactly what is shown.

  var KIND_LABELS = { image: "Image", video: "Video", document: "Document" };
  var IMAGE_NAME = /\.(jpe?g|png|gif|webp|heic|heif|avif)$/i;
  var VIDEO_NAME = /\.(mp4|m4v|webm|mov)$/i;
  var PREVIEWABLE = /^image\/(jpeg|png|gif|webp|avif)$/;
  var PREVIEW_MAX_BYTES = 8 * 1024 * 1024;
  var chosen = new WeakMap(); // input → {files: [File], alts: Map(File → description)}
  var canEditFiles = (function () {
    try {
      return new DataTransfer().files instanceof FileList;
    } catch (e) {
      return false;
    }
  })();

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function kindOf(file) {
    var type = file.type || "";
    if (type.indexOf("image/") === 0 || IMAGE_NAME.test(file.name)) return "image";
    if (type.indexOf("video/") === 0 || VIDEO_NAME.test(file.name)) return "video";
    return "document";
  }

  function humanSize(bytes) {
    if (bytes < 1024) return bytes + (bytes === 1 ? " byte" : " bytes");
    var units = ["KB", "MB", "GB"];
    var value = bytes / 1024;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return value.toFixed(1) + " " + units[unit];
  }

  function extensionOf(name) {
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(dot + 1, dot + 5).toUpperCase() : "FILE";
  }

  function stateOf(input) {
    var state = chosen.get(input);
    if (!state) {
      state = { files: [], alts: new Map() };
      chosen.set(input, state);
    }
    return state;
  }

  function sameFile(a, b) {
    return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
  }

  function setFiles(input, files) {
    if (!canEditFiles) return false;
    var transfer = new DataTransfer();
    files.forEach(function (file) { transfer.items.add(file); });
    input.files = transfer.files;
    return true;
  }

  function panelOf(input) {
    return input.form ? input.form.querySelector("[data-attach-panel]") : null;
  }

  function showPreview(file, holder) {
    var reader = new FileReader();
    reader.addEventListener("load", function () {
      var img = make("img");
      img.alt = "";
      img.src = String(reader.result); // a data: URL, which the CSP allows for images
      holder.textContent = "";
      holder.appendChild(img);
    });
    reader.readAsDataURL(file);
  }

  function renderFiles(input) {
    var panel = panelOf(input);
    if (!panel) return;
    var state = stateOf(input);
    var list = panel.querySelector("[data-attach-list]");
    var summary = panel.querySelector(".attach-summary");
    var prefix = input.dataset.attachInput;
    var total = 0;
    var hasVideo = false;
    list.textContent = "";
    state.files.forEach(function (file, index) {
      var kind = kindOf(file);
      total += file.size;
      hasVideo = hasVideo || kind === "video";
      var item = make("li", "attach-item attach-" + kind);
      var thumb = make("span", "attach-thumb attach-thumb-" + kind);
      thumb.setAttribute("aria-hidden", "true");
      if (kind === "document") thumb.textContent = extensionOf(file.name);
      else thumb.appendChild(icon(kind === "video" ? "play" : "image"));
      if (kind === "image" && PREVIEWABLE.test(file.type) && file.size <= PREVIEW_MAX_BYTES) {
        showPreview(file, thumb);
      }
      var info = make("span", "attach-info");
      info.appendChild(make("span", "attach-name", file.name));
      info.appendChild(make("span", "attach-meta", KIND_LABELS[kind] + " · " + humanSize(file.size)));
      item.appendChild(thumb);
      item.appendChild(info);
      if (canEditFiles) {
        var remove = make("button", "icon-button attach-remove");
        remove.type = "button";
        remove.dataset.attachRemove = String(index);
        remove.appendChild(icon("x"));
        remove.appendChild(make("span", "visually-hidden", "Remove " + file.name));
        item.appendChild(remove);
      }
      if (kind === "image") {
        var box = make("span", "attach-alt");
        var field = make("input");
        field.type = "text";
        field.id = prefix + "-alt-" + index;
        field.name = "alt_text_" + index;
        field.maxLength = 500;
        field.autocomplete = "off";
        field.value = state.alts.get(file) || "";
        field.placeholder = "What does it show?";
        field.addEventListener("input", function () { state.alts.set(file, field.value); });
        var label = make("label", "", "Describe " + file.name);
        label.htmlFor = field.id;
        box.appendChild(label);
        box.appendChild(field);
        item.appendChild(box);
      }
      list.appendChild(item);
    });
    list.hidden = state.files.length === 0;
    var count = state.files.length;
    summary.textContent = count === 0 ? "" :
      (count === 1 ? "1 file" : count + " files") + " chosen, " + humanSize(total);

    // A captions file belongs to a video: offered only while one is chosen.
    var captions = panel.querySelector(".attach-captions");
    if (hasVideo && !captions) {
      var template = panel.querySelector("template[data-attach-captions]");
      if (template) list.after(template.content.cloneNode(true));
    } else if (!hasVideo && captions) {
      captions.remove();
    }

    // A comment may be only files; without any, the text is needed again.
    var body = input.form && input.form.querySelector("textarea[name=body]");
    if (body) {
      if (body.required) body.dataset.required = "true";
      if (body.dataset.required) body.required = count === 0;
    }
  }

  function clearFiles(input) {
    var state = stateOf(input);
    state.files = [];
    state.alts.clear();
    input.value = "";
    renderFiles(input);
  }

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-attach-input")) return;
    var state = stateOf(input);
    var picked = Array.prototype.slice.call(input.files || []);
    var files = state.files.slice();
    picked.forEach(function (file) {
      if (!files.some(function (known) { return sameFile(known, file); })) files.push(file);
    });
    // Without DataTransfer (old browsers) a new choice replaces the old one, as natively.
    state.files = setFiles(input, files) ? files : picked;
    renderFiles(input);
  });

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element && event.target.closest("[data-attach-remove]");
    if (!button || !button.form) return;
    var input = button.form.querySelector("[data-attach-input]");
    if (!input) return;
    var state = stateOf(input);
    var index = Number(button.dataset.attachRemove);
    var gone = state.files.splice(index, 1)[0];
    if (gone) state.alts.delete(gone);
    setFiles(input, state.files);
    renderFiles(input);
    var panel = panelOf(input);
    var next = panel && panel.querySelectorAll("[data-attach-remove]")[Math.min(index, state.files.length - 1)];
    (next || input).focus();
  });

  // --- Upload progress -----------------------------------------------------------------
  // htmx reports the upload with htmx:xhr:progress on the form; plain forms marked
  // data-upload-form are sent the same way (see below). The bar never moves backwards:
  // htmx also reports the response's download with the same event.

  function hasUploads(form) {
    return Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (input) {
      return input.files && input.files.length > 0;
    });
  }

  function startProgress(form) {
    var box = form.querySelector("[data-upload-progress]");
    if (!box || !hasUploads(form)) return;
    box.hidden = false;
    box.dataset.percent = "0";
    box.querySelector("progress").value = 0;
    box.querySelector("[data-upload-percent]").textContent = "0%";
    box.querySelector("[data-upload-status]").textContent = "Uploading…";
    form.setAttribute("aria-busy", "true");
  }

  function showProgress(form, loaded, total) {
    var box = form.querySelector("[data-upload-progress]");
    if (!box || box.hidden || !total) return;
    var before = Number(box.dataset.percent || 0);
    var percent = Math.min(100, Math.floor((loaded * 100) / total));
    if (percent <= before) return;
    box.dataset.percent = String(percent);
    box.querySelector("progress").value = percent;
    box.querySelector("[data-upload-percent]").textContent =
      percent === 100 ? "100%, processing…" : percent + "%";
    // Speak every quarter, not every percent.
    if (Math.floor(percent / 25) > Math.floor(before / 25)) {
      box.querySelector("[data-upload-status]").textContent =
        percent === 100 ? "Uploaded. Processing…" : "Uploading, " + percent + "%";
    }
  }

  function stopProgress(form) {
    var box = form.querySelector("[data-upload-progress]");
    form.removeAttribute("aria-busy");
    if (!box || box.hidden) return;
    box.hidden = true;
    box.dataset.percent = "0";
    box.querySelector("[data-upload-status]").textContent = "";
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.detail.elt;
    if (form instanceof HTMLFormElement) startProgress(form);
  });
  document.addEventListener("htmx:xhr:progress", function (event) {
    var form = event.detail.elt || event.target;
    if (form instanceof HTMLFormElement) showProgress(form, event.detail.loaded, event.detail.total);
  });

  // The compose and ask pages post plain forms (a new page answers). With files chosen, they
  // are sent by XMLHttpRequest for the progress bar: success follows the redirect; a refusal
  // shows the page the server drew, with the chosen files moved into its form.
  function samePath(a, b) {
    return new URL(a, location.href).pathname === new URL(b, location.href).pathname;
  }

  function showRefusal(form, html) {
    var parsed = new DOMParser().parseFromString(html, "text/html");
    var fresh = parsed.querySelector("main");
    var main = document.querySelector("main");
    if (!fresh || !main) {
      showToast("Your post could not be sent. Please try again.", "error");
      return;
    }
    fresh.querySelectorAll("noscript").forEach(function (n) { n.remove(); });
    var input = form.querySelector("[data-attach-input]");
    var captions = form.querySelector(".attach-captions");
    main.replaceWith(fresh);
    document.title = parsed.title;
    var slot = input && fresh.querySelector("[data-attach-input]");
    if (slot) {
      slot.replaceWith(input);
      renderFiles(input);
      var emptyCaptions = fresh.querySelector(".attach-captions");
      if (captions && emptyCaptions) emptyCaptions.replaceWith(captions);
    }
    if (window.htmx) window.htmx.process(fresh);
    var error = fresh.querySelector(".form-error");
    if (error) {
      error.tabIndex = -1;
      error.focus();
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-upload-form")) return;
    if (event.defaultPrevented || !hasUploads(form)) return;
    event.preventDefault();
    var buttons = form.querySelectorAll("button[type=submit]");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) showProgress(form, e.loaded, e.total);
    });
    function done() {
      stopProgress(form);
      buttons.forEach(function (button) { button.disabled = false; });
    }
    xhr.addEventListener("load", function () {
      if (xhr.status < 400 && xhr.responseURL && !samePath(xhr.responseURL, form.action)) {
        window.location.assign(xhr.responseURL);
        return;
      }
      done();
      showRefusal(form, xhr.responseText);
    });
    xhr.addEventListener("error", function () {
      done();
      showToast("Agora could not be reached. Check your connection and try again.", "error");
    });
    buttons.forEach(function (button) { button.disabled = true; });
    startProgress(form);
    xhr.send(new FormData(form));
  });

  // --- Image viewer --------------------------------------------------------------------
  // A gallery link (data-gallery-item) opens the full image in a modal <dialog> with its
  // description as caption, previous/next (buttons and arrow keys) through its gallery.
  // Escape closes it and focus goes back to the link. Without JavaScript the link opens
  // the image itself.
  var viewer = null;

  function buildViewer() {
    var dialog = make("dialog", "lightbox");
    dialog.setAttribute("aria-labelledby", "lightbox-count");
    // Fixed markup only; everything from the post is set as text or attributes below.
    dialog.innerHTML =
      '<div class="lightbox-bar"><p class="lightbox-count" id="lightbox-count"></p>' +
      '<button type="button" class="button lightbox-close" data-lightbox-close>Close</button></div>' +
      '<figure class="lightbox-figure"><img class="lightbox-image" alt="">' +
      '<figcaption class="lightbox-caption"></figcaption></figure>' +
      '<div class="lightbox-nav">' +
      '<button type="button" class="button" data-lightbox-step="-1">Previous</button>' +
      '<button type="button" class="button" data-lightbox-step="1">Next</button>' +
      "</div>";
    dialog.querySelector("[data-lightbox-close]").prepend(icon("x"));
    dialog.querySelector('[data-lightbox-step="-1"]').prepend(icon("chevron-left"));
    dialog.querySelector('[data-lightbox-step="1"]').append(icon("chevron-right"));
    var state = { dialog: dialog, items: [], index: 0, opener: null };
    dialog.addEventListener("click", function (event) {
      var target = event.target instanceof Element ? event.target : null;
      if (!target) return;
      if (target === dialog || target.closest("[data-lightbox-close]")) {
        dialog.close();
        return;
      }
      var step = target.closest("[data-lightbox-step]");
      if (step) showItem(state.index + Number(step.dataset.lightboxStep));
    });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") showItem(state.index + 1);
      else if (event.key === "ArrowLeft") showItem(state.index - 1);
    });
    dialog.addEventListener("close", function () {
      var image = dialog.querySelector(".lightbox-image");
      image.removeAttribute("src");
      if (state.opener && state.opener.isConnected) state.opener.focus();
      state.opener = null;
    });
    document.body.appendChild(dialog);
    return state;
  }

  function showItem(index) {
    var count = viewer.items.length;
    if (!count) return;
    viewer.index = (index + count) % count;
    var item = viewer.items[viewer.index];
    var dialog = viewer.dialog;
    var description = item.dataset.alt || "";
    var image = dialog.querySelector(".lightbox-image");
    var caption = dialog.querySelector(".lightbox-caption");
    image.src = item.getAttribute("href");
    image.alt = description || "Image without a description";
    caption.textContent = description || "No description was given for this image.";
    caption.setAttribute("aria-hidden", "true"); // the image's alt says the same
    dialog.querySelector(".lightbox-count").textContent =
      "Image " + (viewer.index + 1) + " of " + count;
    dialog.querySelectorAll("[data-lightbox-step]").forEach(function (button) {
      button.hidden = count < 2;
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("[data-gallery-item]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var gallery = link.closest("[data-gallery]");
    if (!gallery || typeof HTMLDialogElement !== "function") return;
    event.preventDefault();
    viewer = viewer || buildViewer();
    viewer.items = Array.prototype.slice.call(gallery.querySelectorAll("[data-gallery-item]"));
    viewer.opener = link;
    showItem(viewer.items.indexOf(link));
    viewer.dialog.showModal();
  });
})();
