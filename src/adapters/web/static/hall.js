/* 党建积分 — the member pages' one script (this site's own, no framework, no CDN).
   1. The task hall's remaining slots, kept live by server-sent events (/hall/live).
   2. Forms marked data-enhance answer in place: sent in the background, and the page's
      answer (领办成功, 名额已满, …) drawn where the page is, without a reload. Without
      this script every form still works: it is sent, and the answer comes back as a page. */
(function () {
  "use strict";

  // ------------------------------------------------------------ live slots

  function showSlots(data) {
    var card = document.getElementById("task-" + data.task_id);
    if (!card) {
      return;
    }
    var count = card.querySelector("[data-remaining]");
    if (count && count.textContent !== String(data.remaining)) {
      count.textContent = String(data.remaining);
      card.classList.remove("changed");
      void card.offsetWidth; // restart the highlight
      card.classList.add("changed");
    }
    var button = card.querySelector("[data-claim]");
    if (!button || button.getAttribute("data-busy")) {
      return;
    }
    if (!data.open) {
      button.disabled = true;
      button.textContent = "已截止";
    } else if (data.remaining === 0) {
      button.disabled = true;
      button.textContent = "名额已满";
    } else {
      button.disabled = false;
      button.textContent = "我来领办";
    }
  }

  function showNewTask(data) {
    var note = document.getElementById("live-note");
    if (!note || document.getElementById("task-" + data.task_id)) {
      return;
    }
    note.textContent = "";
    var link = document.createElement("a");
    link.href = "/hall";
    link.textContent = "有新任务「" + data.title + "」，点这里看看";
    note.appendChild(link);
    note.hidden = false;
  }

  function listen() {
    var list = document.querySelector("[data-live]");
    if (!list || !window.EventSource) {
      return;
    }
    var source = new EventSource(list.getAttribute("data-live"));
    source.addEventListener("slots", function (event) {
      showSlots(JSON.parse(event.data));
    });
    source.addEventListener("task", function (event) {
      showNewTask(JSON.parse(event.data));
    });
    window.addEventListener("pagehide", function () {
      source.close();
    });
  }

  // ------------------------------------------------------------ forms answered in place

  function drawAnswer(html, response) {
    if (response.redirected && new URL(response.url).pathname === "/login") {
      window.location.assign(response.url); // the session ended: log in again
      return true;
    }
    var page = new DOMParser().parseFromString(html, "text/html");
    var fresh = page.querySelector("main");
    var main = document.querySelector("main");
    if (!fresh || !main) {
      return false;
    }
    main.replaceWith(fresh);
    document.title = page.title;
    if (response.redirected) {
      history.replaceState(null, "", response.url);
    }
    var answer = fresh.querySelector("[role=alert], [role=status].success");
    if (answer) {
      answer.focus();
    }
    return true;
  }

  function send(form) {
    var button = form.querySelector("button[type=submit]");
    var label = button ? button.textContent : "";
    if (button) {
      button.disabled = true;
      button.setAttribute("data-busy", "1");
      button.textContent = "正在提交…";
    }
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    })
      .then(function (response) {
        return response.text().then(function (html) {
          if (!drawAnswer(html, response)) {
            form.submit();
          }
        });
      })
      .catch(function () {
        if (button) {
          button.disabled = false;
          button.removeAttribute("data-busy");
          button.textContent = label;
        }
        form.submit();
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-enhance")) {
      return;
    }
    if (!window.fetch || !window.DOMParser || !form.checkValidity()) {
      return;
    }
    event.preventDefault();
    send(form);
  });

  listen();
})();
