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

  document.addEventListener("DOMContentLoaded", function () {
    // Server-rendered messages fade after a while.
    document.querySelectorAll("#toasts .toast").forEach(function (toast) {
      setTimeout(function () { toast.remove(); }, 6000);
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
  });

  // Show how many files are chosen next to the "Images" button.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.fileCount) return;
    var out = document.getElementById(input.dataset.fileCount);
    if (!out) return;
    var n = input.files ? input.files.length : 0;
    out.textContent = n === 0 ? "" : n === 1 ? input.files[0].name : n + " images";
  });

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
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-reset-on-success")) return;
    if (event.detail.successful) {
      form.reset();
      form.querySelectorAll("#composer-error, [data-form-error]").forEach(function (box) {
        box.innerHTML = "";
      });
      form.querySelectorAll("[data-file-count]").forEach(function (input) {
        var out = document.getElementById(input.dataset.fileCount);
        if (out) out.textContent = "";
      });
      var details = form.closest("details.reply-box");
      if (details) details.removeAttribute("open");
    }
  });

  // Network failures and server errors get a message instead of silence.
  document.addEventListener("htmx:sendError", function () {
    showToast("Agora could not be reached. Check your connection and try again.", "error");
  });
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status >= 500) {
      showToast("Something went wrong on our side. Please try again.", "error");
    }
  });

  // Actions answer with an HX-Trigger toast (deleted, saved, …).
  document.addEventListener("agora:toast", function (event) {
    showToast(event.detail.message, event.detail.level);
  });
})();
