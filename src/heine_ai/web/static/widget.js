/*
 * Heine AI chat widget: one script tag, no build step.
 *
 *   <script src="https://service.example/widget.js" data-brand="heine" data-api="https://service.example" defer></script>
 *
 * It speaks the WebSocket protocol of docs/websocket-protocol.md, keeps the session (id and token) in
 * localStorage, shows the whole history again after a reload (resume with last_seq 0) and only what it missed
 * after a dropped connection (resume with the last seq it showed). Texts come from the brand's configuration.
 *
 * Delivery: every message gets a client id and shows at once as "sending"; the server's echo (or its ack of a
 * resend) marks it "sent". Unacknowledged messages stay in localStorage and are sent again after every
 * reconnect and reload (the server stores a client id once). A ping every few seconds expects its pong: without
 * an answer the connection counts as dead, the widget says it is offline and reconnects with backoff.
 * The attach button sends an image or PDF into the conversation (POST /api/v1/uploads/{session_id}).
 * While a person is needed it shows the service hours and the expected wait, and offers to continue by e-mail.
 * When the service team closes the conversation, the widget asks for a rating (the server takes one per conversation).
 * While an LLM streams, answer_chunk events fill a provisional bubble (hidden from screen readers, so the live
 * region does not read every piece); the stored answer event replaces it and is the one announced.
 */
(function () {
  "use strict";

  var script = document.currentScript || document.querySelector("script[data-brand][src*='widget.js']");
  if (!script) { return; }
  var brand = script.getAttribute("data-brand") || "heine";
  var api = (script.getAttribute("data-api") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var socketUrl = api.replace(/^http/, "ws") + "/api/v1/ws/chat";
  var storeKey = "heine-ai-chat:" + brand;
  var HUMAN = { pending_human: true, human: true };
  // heartbeat and delivery timings in seconds (data-ping-interval, data-pong-timeout, data-send-timeout)
  function seconds(name, fallback) {
    var value = parseFloat(script.getAttribute(name));
    return (value > 0 ? value : fallback) * 1000;
  }
  // a customer the shop signed in: data-customer-id and data-user-hash (HMAC-SHA256 of the id with the brand's
  // identity secret, computed by the shop's server), or window.heineAiIdentity = {customerId, userHash} set before
  // this script. Without them the chat is anonymous; a wrong signature is dropped with a console warning.
  var configured = window.heineAiIdentity || {};
  var identity = {
    customer_id: script.getAttribute("data-customer-id") || configured.customerId || null,
    user_hash: script.getAttribute("data-user-hash") || configured.userHash || null
  };
  if (!identity.customer_id || !identity.user_hash) { identity = null; }
  function withIdentity(hello) {
    if (identity) {
      hello.customer_id = identity.customer_id;
      hello.user_hash = identity.user_hash;
    }
    return hello;
  }
  var PING_INTERVAL = seconds("data-ping-interval", 20);
  var PONG_TIMEOUT = seconds("data-pong-timeout", 8);
  var SEND_TIMEOUT = seconds("data-send-timeout", 15);
  var NOTIFYING = { answer: 1, agent_message: 1, agent_joined: 1, agent_left: 1, system: 1 };

  var texts = {};
  var textsByLanguage = {};  // de: the brand's texts, en: for a customer who writes in English
  var greeting = "";
  var ui = {};
  var socket = null;
  var ready = false;
  var started = false;
  var lastSeq = 0;
  var shown = {};
  var pending = [];  // [{ id, text, failed }]: messages not yet acknowledged, in the order typed
  var bubbles = {};  // client id -> its bubble
  var retries = 0;
  var reconnectTimer = null;
  var pongTimer = null;
  var connectTimer = null;
  var lastTyping = 0;
  var unread = 0;
  var pageTitle = document.title;
  var provisional = null;  // { item, next }: the bubble of an answer being streamed

  function load() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; }
  }
  function save(update) {
    var data = load();
    Object.keys(update).forEach(function (k) { data[k] = update[k]; });
    try { localStorage.setItem(storeKey, JSON.stringify(data)); } catch (e) { /* private mode: no memory */ }
  }
  function forgetSession() {
    save({ session_id: null, session_token: null, seen_seq: 0 });
  }
  function savePending() {
    save({ pending: pending.map(function (m) { return { id: m.id, text: m.text }; }) });
  }

  function newId() {
    var bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function build() {
    var link = el("link");
    link.rel = "stylesheet";
    link.href = api + "/widget.css";

    var root = el("div", "hai-root");
    // Shown once its stylesheet is in: an unstyled launcher or panel would flash in the shop's page, and its
    // buttons would be too small to hit. If the sheet fails, the widget shows anyway, usable if plain.
    root.hidden = true;
    link.onload = link.onerror = function () { root.hidden = false; };
    document.head.appendChild(link);
    root.setAttribute("data-state", "bot");
    root.setAttribute("data-connection", "offline");
    var launcher = el("button", "hai-launcher");
    launcher.type = "button";
    launcher.appendChild(el("span", "", texts.title));
    var badge = el("span", "hai-badge");
    badge.hidden = true;
    badge.setAttribute("aria-hidden", "true");
    var badgeText = el("span", "hai-sr");
    launcher.appendChild(badge);
    launcher.appendChild(badgeText);
    launcher.title = texts.open_label;
    launcher.setAttribute("aria-expanded", "false");
    launcher.setAttribute("aria-controls", "hai-panel");

    var panel = el("section", "hai-panel");
    panel.id = "hai-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "hai-title");

    var header = el("div", "hai-header");
    var heading = el("div");
    var title = el("h2", "", texts.title);
    title.id = "hai-title";
    heading.appendChild(title);
    heading.appendChild(el("p", "", texts.subtitle));
    heading.appendChild(el("p", "hai-ai-notice", texts.ai_notice));
    var close = el("button", "hai-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", texts.close_label);
    header.appendChild(heading);
    header.appendChild(close);

    var status = el("p", "hai-status");
    status.setAttribute("role", "status");
    var log = el("div", "hai-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-live", "polite");
    log.setAttribute("aria-label", texts.title);
    log.tabIndex = 0;
    var typing = el("p", "hai-typing", texts.typing);
    typing.hidden = true;
    typing.setAttribute("aria-live", "polite");

    var form = el("form", "hai-form");
    var label = el("label", "hai-sr", texts.input_label);
    label.htmlFor = "hai-input";
    var input = el("textarea");
    input.id = "hai-input";
    input.rows = 1;
    input.placeholder = texts.placeholder;
    input.setAttribute("maxlength", "4000");
    var send = el("button", "hai-send", texts.send_label);
    send.type = "submit";
    var attach = el("button", "hai-attach");
    attach.type = "button";
    attach.setAttribute("aria-label", texts.attach_label);
    attach.title = texts.attach_label;
    var clip = el("span", "", "📎");
    clip.setAttribute("aria-hidden", "true");
    attach.appendChild(clip);
    var picker = el("input");
    picker.type = "file";
    picker.accept = FILE_TYPES;
    picker.hidden = true;
    picker.tabIndex = -1;
    form.appendChild(label);
    form.appendChild(attach);
    form.appendChild(picker);
    form.appendChild(input);
    form.appendChild(send);

    panel.appendChild(header);
    panel.appendChild(status);
    panel.appendChild(log);
    panel.appendChild(typing);
    panel.appendChild(form);
    root.appendChild(panel);
    root.appendChild(launcher);
    document.body.appendChild(root);
    ui = {
      root: root, launcher: launcher, badge: badge, badgeText: badgeText, panel: panel, status: status,
      log: log, typing: typing, input: input
    };

    attach.addEventListener("click", function () { picker.click(); });
    picker.addEventListener("change", function () {
      var file = picker.files && picker.files[0];
      picker.value = "";
      if (file) { upload(file); }
    });
    launcher.addEventListener("click", open);
    close.addEventListener("click", shut);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { shut(); } else if (event.key === "Tab") { keepFocusInside(event); }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit();
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        submit();
      }
    });
    input.addEventListener("input", function () {
      var now = Date.now();
      if (ready && input.value && now - lastTyping > 3000) {
        lastTyping = now;
        transmit({ type: "typing", active: true });
      }
    });
    window.addEventListener("online", function () { if (!ready) { reconnectNow(); } });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible" && !ui.panel.hidden) { markRead(); }
    });
    var stored = load();
    pending = (stored.pending || []).filter(function (m) { return m && m.id && m.text; });
    if (stored.open) {
      open();
    } else if (stored.session_id || pending.length) {
      start();  // a running conversation: follow it while closed, for the unread badge
    }
  }

  function keepFocusInside(event) {
    var focusable = Array.prototype.filter.call(
      ui.panel.querySelectorAll("button, textarea, input, a[href], [tabindex='0']"),
      function (node) { return !node.disabled && node.offsetParent !== null; }
    );
    if (!focusable.length) { return; }
    var first = focusable[0];
    var last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function start() {
    if (started) { return; }
    started = true;
    addBubble("hai-system", "", texts.ai_notice);
    if (greeting) { addBubble("hai-assistant", texts.assistant_label, greeting); }
    pending.forEach(function (message) { bubbles[message.id] = customerBubble(message.text, "sending"); });
    connect(0);
  }

  function open() {
    ui.panel.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "true");
    save({ open: true });
    start();
    markRead();
    ui.input.focus();
  }

  function shut() {
    ui.panel.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    save({ open: false, seen_seq: lastSeq });
    ui.launcher.focus();
  }

  function markRead() {
    unread = 0;
    save({ seen_seq: lastSeq });
    showUnread();
  }

  function showUnread() {
    ui.badge.hidden = unread === 0;
    ui.badge.textContent = unread ? String(unread) : "";
    ui.badgeText.textContent = unread ? (unread === 1 ? texts.unread_one : texts.unread_many.replace("{count}", unread)) : "";
    document.title = unread ? "(" + unread + ") " + pageTitle : pageTitle;
  }

  function setStatus(text, className) {
    ui.status.textContent = text || "";
    ui.status.className = "hai-status" + (className ? " " + className : "");
  }

  function setConnection(online) {
    ui.root.setAttribute("data-connection", online ? "online" : "offline");
    if (online) {
      setState(ui.root.getAttribute("data-state"));
    } else {
      setStatus(texts.reconnecting, "hai-offline");
    }
  }

  function setState(state, agent) {
    ui.root.setAttribute("data-state", state);
    if (ui.root.getAttribute("data-connection") === "offline") { return; }
    if (state === "human") {
      setStatus(named(texts.agent_joined, agent || ui.root.getAttribute("data-agent")), "hai-handover");
    } else if (state === "pending_human") {
      setStatus(texts.handover, "hai-handover");
      showAway();
    } else {
      setStatus("");
    }
  }

  function firstPendingBubble() {
    for (var i = 0; i < pending.length; i++) {
      if (bubbles[pending[i].id]) { return bubbles[pending[i].id]; }
    }
    return null;
  }

  function addBubble(className, who, text, atEnd) {
    var item = el("div", "hai-msg " + className);
    if (who) { item.appendChild(el("span", "hai-who", who)); }
    item.appendChild(document.createTextNode(text));
    var before = atEnd ? null : firstPendingBubble();  // what is stored comes before what is still being sent
    ui.log.insertBefore(item, before);
    ui.log.scrollTop = ui.log.scrollHeight;
    return item;
  }

  function customerBubble(text, state) {
    var item = addBubble("hai-customer", texts.you_label, text, true);
    var note = el("span", "hai-delivery");
    item.appendChild(note);
    setDelivery(item, state);
    return item;
  }

  function setDelivery(item, state) {
    var note = item.querySelector(".hai-delivery");
    item.setAttribute("data-delivery", state);
    note.textContent = "";
    if (state === "failed") {
      var retry = el("button", "hai-retry", texts.not_sent);
      retry.type = "button";
      retry.addEventListener("click", function () { resend(item); });
      note.appendChild(retry);
    } else {
      note.textContent = state === "sent" ? texts.sent : texts.sending;
    }
  }

  function resend(item) {
    pending.forEach(function (message) {
      if (bubbles[message.id] === item) {
        message.failed = false;
        setDelivery(item, "sending");
        if (ready) { sendMessage(message); } else { reconnectNow(); }
      }
    });
    ui.input.focus();
  }

  function acknowledge(clientId) {
    var item = bubbles[clientId];
    pending = pending.filter(function (m) { return m.id !== clientId; });
    savePending();
    if (item) { setDelivery(item, "sent"); }
    return item;
  }

  function safeHref(url) {
    if (/^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url)) { return url; }
    return null;
  }

  function addSources(item, sources) {
    var links = (sources || []).filter(function (s) { return safeHref(s.url); });
    if (!links.length) { return; }
    var list = el("ul", "hai-sources");
    list.setAttribute("aria-label", texts.sources_label);
    list.appendChild(el("li", "", texts.sources_label));
    links.forEach(function (source) {
      var entry = el("li");
      var anchor = el("a", "", source.title || source.url);
      anchor.href = safeHref(source.url);
      anchor.target = "_blank";
      anchor.rel = "noopener";
      entry.appendChild(anchor);
      list.appendChild(entry);
    });
    item.appendChild(list);
  }

  function addChunk(event) {
    if (event.index === 0) { dropProvisional(); }
    if (!provisional) {
      if (event.index !== 0) { return; }  // the start was missed: wait for the answer itself
      var item = addBubble("hai-assistant hai-provisional", texts.assistant_label, "");
      item.setAttribute("aria-hidden", "true");
      provisional = { item: item, next: 0 };
    }
    if (event.index !== provisional.next) { return; }
    provisional.next += 1;
    provisional.item.appendChild(document.createTextNode(event.text));
    ui.typing.hidden = true;
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function dropProvisional() {
    if (provisional) { provisional.item.remove(); }
    provisional = null;
  }

  function named(template, name) {
    return template.replace("{name}", name || texts.agent_label);
  }

  function show(event) {
    var key = event.type + ":" + event.seq;
    if (shown[key]) { return; }
    shown[key] = true;
    lastSeq = Math.max(lastSeq, event.seq);
    if (event.type !== "customer_message") { ui.typing.hidden = true; }
    if (NOTIFYING[event.type]) { notify(event.seq); }
    if (event.type === "customer_message") {
      var item = (event.client_id && bubbles[event.client_id]) || customerBubble(event.text, "sent");
      if (event.client_id) { acknowledge(event.client_id); }
      ui.log.insertBefore(item, firstPendingBubble());  // its stored place, before what is still being sent
    } else if (event.type === "answer") {
      dropProvisional();  // the stored answer is the authority (it differs when the verification fell back)
      speak(event.language);
      var answer = addBubble("hai-assistant", texts.assistant_label, event.text);
      if (event.language) { answer.lang = event.language; }
      addSources(answer, event.sources);
    } else if (event.type === "escalated") {
      setState("pending_human");  // the answer itself says so; the status bar keeps saying it
    } else if (event.type === "agent_joined") {
      ui.root.setAttribute("data-agent", event.author || "");
      addBubble("hai-system", "", event.text || named(texts.agent_joined, event.author));
      setState("human", event.author);
    } else if (event.type === "agent_message") {
      addBubble("hai-agent", event.author || texts.agent_label, event.text);
    } else if (event.type === "agent_left") {
      addBubble("hai-system", "", event.text || named(texts.agent_left, event.author));
      setState("bot");
      if (!event.handed_back) { askRating(); }  // the service team closed the conversation
    } else if (event.text) {
      addBubble("hai-system", "", event.text);
    }
  }

  var FILE_TYPES = "image/jpeg,image/png,image/gif,image/webp,application/pdf";
  var MAX_FILE_BYTES = 10 * 1024 * 1024;
  var FILE_ERRORS = { file_too_large: "file_too_large", body_too_large: "file_too_large", file_type_not_allowed: "file_type_not_allowed", too_many_files: "file_too_many", rate_limited: "file_rate_limited" };

  function upload(file) {
    // the file goes over HTTP into the session's conversation; its echo on the socket (customer_message with this
    // client id) acknowledges it like a typed message
    var stored = load();
    if (!stored.session_id) { return; }
    if (file.size > MAX_FILE_BYTES || FILE_TYPES.split(",").indexOf(file.type) < 0) {
      addBubble("hai-notice", "", texts[file.size > MAX_FILE_BYTES ? "file_too_large" : "file_type_not_allowed"], true);
      return;
    }
    var id = newId();
    var item = customerBubble("📎 " + file.name, "sending");
    bubbles[id] = item;
    var body = new FormData();
    body.append("client_id", id);
    body.append("file", file, file.name);
    fetch(api + "/api/v1/uploads/" + encodeURIComponent(stored.session_id), {
      method: "POST",
      headers: { "Authorization": "Bearer " + stored.session_token },
      body: body
    }).then(function (response) {
      if (response.ok) { setDelivery(item, "sent"); return null; }
      return response.json().then(function (data) { throw new Error((data.error || {}).code || "error"); });
    }).catch(function (error) {
      item.remove();
      delete bubbles[id];
      addBubble("hai-notice", "", texts[FILE_ERRORS[error.message] || "file_refused"], true);
    });
    ui.input.focus();
  }

  var DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

  function serviceHours(hours) {
    // consecutive days with the same hours as one range: "Mo–Sa 08:00–20:00"
    var names = texts.weekdays.split(",");
    var parts = [];
    var i = 0;
    while (i < 7) {
      var span = hours[DAYS[i]];
      var j = i;
      while (span && j + 1 < 7 && hours[DAYS[j + 1]] === span) { j++; }
      if (span) { parts.push((j > i ? names[i] + "–" + names[j] : names[i]) + " " + span.replace("-", "–")); }
      i = j + 1;
    }
    return parts.join(", ");
  }

  function showAway() {
    // while a person is needed: service hours, the expected wait and, when it is long, the e-mail offer
    var stored = load();
    var sessionId = stored.session_id;
    var token = stored.session_token;
    if (!sessionId || ui.log.querySelector(".hai-away[data-session='" + sessionId + "']")) { return; }
    var box = el("div", "hai-msg hai-away");
    box.setAttribute("data-session", sessionId);
    ui.log.appendChild(box);
    var auth = { "Authorization": "Bearer " + token };
    fetch(api + "/api/v1/sessions/" + encodeURIComponent(sessionId) + "/waiting", { headers: auth })
      .then(function (response) {
        if (!response.ok) { throw new Error("waiting " + response.status); }
        return response.json();
      })
      .then(function (wait) {
        var hours = serviceHours(wait.hours);
        box.appendChild(el("p", "", (wait.open_now ? texts.away_hours : texts.away_closed).replace("{hours}", hours)));
        if (wait.open_now) {
          box.appendChild(el("p", "", wait.overdue ? texts.away_wait_overdue : texts.away_wait.replace("{minutes}", wait.wait_minutes)));
        }
        if (wait.long_wait && wait.email_offered && !wait.email_following) { box.appendChild(emailForm(sessionId, auth)); }
        ui.log.scrollTop = ui.log.scrollHeight;
      })
      .catch(function () { box.remove(); });
  }

  function emailForm(sessionId, auth) {
    var form = el("form", "hai-email");
    form.noValidate = true;  // the widget says what is wrong, in the brand's words
    form.appendChild(el("p", "", texts.email_offer));
    var label = el("label", "", texts.email_label);
    label.htmlFor = "hai-email-" + sessionId;
    var input = el("input");
    input.type = "email";
    input.id = label.htmlFor;
    input.autocomplete = "email";
    input.setAttribute("maxlength", "254");
    var consent = el("p", "hai-email-consent", texts.email_consent);
    consent.id = "hai-email-consent-" + sessionId;
    input.setAttribute("aria-describedby", consent.id);
    var submitButton = el("button", "hai-submit", texts.email_submit);
    submitButton.type = "submit";
    var note = el("p", "hai-form-note");
    note.setAttribute("role", "status");
    [label, input, consent, submitButton, note].forEach(function (node) { form.appendChild(node); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var address = input.value.trim();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
        note.textContent = texts.email_invalid;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      submitButton.disabled = true;
      var headers = { "Content-Type": "application/json", "Authorization": auth.Authorization };
      fetch(api + "/api/v1/sessions/" + encodeURIComponent(sessionId) + "/email", {
        method: "POST", headers: headers, body: JSON.stringify({ address: address, consent: true })
      }).then(function (response) {
        if (response.status === 422) { throw new Error("invalid"); }
        if (!response.ok) { throw new Error("email " + response.status); }
        var saved = el("p", "hai-email-saved", texts.email_saved.replace("{address}", address));
        saved.tabIndex = -1;
        form.replaceWith(saved);
        saved.focus();  // the form is gone: keep the keyboard user's place
      }).catch(function (error) {
        submitButton.disabled = false;
        note.textContent = error.message === "invalid" ? texts.email_invalid : texts.error_generic;
      });
    });
    return form;
  }

  function askRating() {
    // 1 to 5 (a native radio group: arrow keys choose) and an optional comment
    var stored = load();
    var sessionId = stored.session_id;
    var token = stored.session_token;
    if (!sessionId || ui.log.querySelector(".hai-rating")) { return; }
    var form = el("form", "hai-msg hai-rating");
    var group = el("fieldset");
    group.appendChild(el("legend", "", texts.rating_question));
    var scale = el("p", "hai-rating-scale", texts.rating_scale);
    scale.id = "hai-rating-scale";
    group.setAttribute("aria-describedby", scale.id);
    group.appendChild(scale);
    var choices = el("div", "hai-rating-choices");
    for (var score = 1; score <= 5; score++) {
      var choice = el("label", "hai-rating-choice");
      var radio = el("input");
      radio.type = "radio";
      radio.name = "hai-rating-score";
      radio.value = String(score);
      choice.appendChild(radio);
      choice.appendChild(el("span", "", String(score)));
      choices.appendChild(choice);
    }
    group.appendChild(choices);
    form.appendChild(group);
    var commentLabel = el("label", "hai-rating-label", texts.rating_comment);
    commentLabel.htmlFor = "hai-rating-comment";
    var comment = el("textarea");
    comment.id = "hai-rating-comment";
    comment.rows = 2;
    comment.setAttribute("maxlength", "2000");
    var submitButton = el("button", "hai-submit", texts.rating_submit);
    submitButton.type = "submit";
    var note = el("p", "hai-form-note");
    note.setAttribute("role", "status");
    form.appendChild(commentLabel);
    form.appendChild(comment);
    form.appendChild(submitButton);
    form.appendChild(note);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = form.querySelector("input[name='hai-rating-score']:checked");
      if (!chosen) {
        note.textContent = texts.rating_choose;
        form.querySelector("input[name='hai-rating-score']").focus();
        return;
      }
      submitButton.disabled = true;
      var body = { score: parseInt(chosen.value, 10) };
      if (comment.value.trim()) { body.comment = comment.value.trim(); }
      fetch(api + "/api/v1/sessions/" + encodeURIComponent(sessionId) + "/rating", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
        body: JSON.stringify(body)
      }).then(function (response) {
        // 409: rated already (in another tab)
        if (response.status !== 201 && response.status !== 409) { throw new Error("rating " + response.status); }
        var thanks = el("p", "hai-msg hai-system", response.status === 201 ? texts.rating_thanks : texts.rating_done);
        thanks.tabIndex = -1;
        form.replaceWith(thanks);
        thanks.focus();  // the form is gone: keep the keyboard user's place
      }).catch(function () {
        submitButton.disabled = false;
        note.textContent = texts.error_generic;
      });
    });
    ui.log.appendChild(form);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function speak(language) {
    // the customer's language, as the assistant decided it: the widget's own texts follow it
    var chosen = textsByLanguage[language];
    if (!chosen || chosen === texts) { return; }
    texts = chosen;
    ui.input.placeholder = texts.placeholder;
    ui.panel.querySelector("label[for='hai-input']").textContent = texts.input_label;
    ui.panel.querySelector(".hai-send").textContent = texts.send_label;
    ui.panel.querySelector(".hai-close").setAttribute("aria-label", texts.close_label);
    ui.panel.querySelector(".hai-attach").setAttribute("aria-label", texts.attach_label);
    ui.panel.querySelector(".hai-attach").title = texts.attach_label;
    Array.prototype.forEach.call(ui.log.querySelectorAll("[data-delivery]"), function (item) {
      setDelivery(item, item.getAttribute("data-delivery"));
    });
  }

  function notify(seq) {
    if (!ui.panel.hidden && document.visibilityState !== "hidden") {
      save({ seen_seq: Math.max(seq, load().seen_seq || 0) });
      return;
    }
    if (seq > (load().seen_seq || 0)) {
      unread += 1;
      showUnread();
    }
  }

  var ERROR_TEXTS = { rate_limited: "error_rate_limited", message_too_long: "error_too_long" };
  var LOST_SESSION = { session_expired: 1, session_not_found: 1, forbidden: 1, unauthorized: 1, invalid_token: 1 };

  function onError(event) {
    var clientId = event.details && event.details.client_id;
    if (!ready && identity && (event.code === "invalid_user_hash" || event.code === "identity_not_configured")) {
      if (window.console) { window.console.warn("heine-ai widget: the user hash was refused (" + event.code + ")"); }
      identity = null;  // chat on anonymously: an order then needs its number and postcode
      transmitNow(withIdentity({ type: "hello", brand: brand }));
      return;
    }
    if (!ready && LOST_SESSION[event.code]) {
      forgetSession();
      addBubble("hai-notice", "", texts.session_restarted);
      transmitNow(withIdentity({ type: "hello", brand: brand }));
      return;
    }
    if (event.code === "session_expired") {  // e.g. closed by the service team: go on in a new session
      if (load().session_id) {
        forgetSession();
        addBubble("hai-notice", "", texts.session_restarted);
        drop();
        reconnectNow();
      }
      return;  // what is still pending goes out in the new session
    }
    ui.typing.hidden = true;
    dropProvisional();
    if (clientId && bubbles[clientId]) {
      pending.forEach(function (m) { if (m.id === clientId) { m.failed = true; } });
      setDelivery(bubbles[clientId], "failed");
    }
    addBubble("hai-notice", "", texts[ERROR_TEXTS[event.code] || "error_generic"]);
  }

  function onEvent(event) {
    window.clearTimeout(pongTimer);  // anything that arrives proves the connection alive
    pongTimer = null;
    if (event.type === "ready") {
      ready = true;
      retries = 0;
      window.clearTimeout(connectTimer);
      if (event.session_token) {  // a new session: nothing of an earlier one counts any more
        save({ session_id: event.session_id, session_token: event.session_token, seen_seq: 0 });
        shown = {};
        lastSeq = 0;
      }
      setConnection(true);
      setState(event.status);
      pending.forEach(function (message) { if (!message.failed) { sendMessage(message); } });
    } else if (event.type === "error") {
      onError(event);
    } else if (event.type === "ack") {
      acknowledge(event.client_id);
    } else if (event.type === "typing") {
      ui.typing.textContent = event.from === "agent" ? texts.agent_typing : texts.typing;
      ui.typing.hidden = !event.active;
    } else if (event.type === "answer_chunk") {
      addChunk(event);
    } else if (event.type === "status") {
      setState(event.status);
    } else if (typeof event.seq === "number") {
      show(event);
    }
  }

  function drop() {
    // forget the current socket without waiting for its close (a stalled one may take minutes to close)
    var old = socket;
    socket = null;
    ready = false;
    window.clearTimeout(pongTimer);
    window.clearTimeout(connectTimer);
    pongTimer = null;
    dropProvisional();  // the stored answer arrives on resume
    if (old) { try { old.close(); } catch (e) { /* already closing */ } }
  }

  function dead() {
    drop();
    setConnection(false);
    retries += 1;
    var backoff = Math.min(10000, 500 * Math.pow(2, Math.min(retries, 5)));
    schedule(backoff / 2 + Math.random() * backoff / 2);
  }

  function reconnectNow() {
    drop();
    schedule(0);
  }

  function schedule(delay) {
    window.clearTimeout(reconnectTimer);
    reconnectTimer = window.setTimeout(connect, delay);
  }

  function connect() {
    var stored = load();
    var ws = new WebSocket(socketUrl);
    socket = ws;
    ready = false;
    if (retries === 0) { setStatus(texts.connecting); }
    connectTimer = window.setTimeout(function () { if (socket === ws) { dead(); } }, 2 * PONG_TIMEOUT);
    ws.addEventListener("open", function () {
      if (socket !== ws) { return; }
      var hello = { type: "hello", brand: brand };
      if (stored.session_id && stored.session_token) {  // the cursor counts only in the session it came from
        hello.session_id = stored.session_id;
        hello.session_token = stored.session_token;
        hello.last_seq = lastSeq;
      }
      transmitNow(withIdentity(hello));
    });
    ws.addEventListener("message", function (message) {
      if (socket !== ws) { return; }
      var event;
      try { event = JSON.parse(message.data); } catch (e) { return; }
      onEvent(event);
    });
    ws.addEventListener("close", function () {
      if (socket === ws) { dead(); }
    });
  }

  function heartbeat() {
    if (!ready || pongTimer) { return; }
    transmitNow({ type: "ping", nonce: newId() });
    pongTimer = window.setTimeout(function () { pongTimer = null; if (ready) { dead(); } }, PONG_TIMEOUT);
  }
  window.setInterval(heartbeat, PING_INTERVAL);

  function transmitNow(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); }
  }

  function transmit(frame) {
    if (ready) { transmitNow(frame); }
  }

  function sendMessage(message) {
    transmitNow({ type: "message", text: message.text, client_id: message.id });
    heartbeat();  // a dead connection shows within the pong timeout, not at the next scheduled ping
    window.setTimeout(function () {
      var item = bubbles[message.id];
      if (item && item.getAttribute("data-delivery") === "sending") { setDelivery(item, "failed"); }
    }, SEND_TIMEOUT);
  }

  function submit() {
    var text = ui.input.value.trim();
    if (!text) { return; }
    ui.input.value = "";
    var message = { id: newId(), text: text };
    pending.push(message);
    savePending();
    bubbles[message.id] = customerBubble(text, "sending");
    if (lastTyping) {
      lastTyping = 0;
      transmit({ type: "typing", active: false });
    }
    if (ready) { sendMessage(message); }
    ui.input.focus();
  }

  fetch(api + "/api/v1/brands/" + encodeURIComponent(brand) + "/widget")
    .then(function (response) {
      if (!response.ok) { throw new Error("widget config " + response.status); }
      return response.json();
    })
    .then(function (config) {
      texts = config.texts;
      textsByLanguage = { de: config.texts, en: config.texts_en || config.texts };
      textsByLanguage[config.language] = config.texts;
      greeting = config.greeting;
      build();
    })
    .catch(function () { /* the shop page keeps working without the chat */ });
})();
