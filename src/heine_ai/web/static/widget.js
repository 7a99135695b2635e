/*
 * Heine AI chat widget: one script tag, no build step.
 *
 *   <script src="https://service.example/widget.js" data-brand="heine" data-api="https://service.example" defer></script>
 *
 * It speaks the WebSocket protocol of docs/websocket-protocol.md, keeps the session (id and token) in
 * localStorage, shows the whole history again after a reload (resume with last_seq 0) and only what it missed
 * after a dropped connection (resume with the last seq it showed). Texts come from the brand's configuration.
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

  var texts = {};
  var greeting = "";
  var ui = {};
  var socket = null;
  var ready = false;
  var lastSeq = 0;
  var shown = {};
  var outbox = [];
  var retries = 0;
  var pingTimer = null;
  var lastTyping = 0;
  var lastSent = null;
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
    save({ session_id: null, session_token: null });
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
    document.head.appendChild(link);

    var root = el("div", "hai-root");
    root.setAttribute("data-state", "bot");
    var launcher = el("button", "hai-launcher", texts.title);
    launcher.type = "button";
    launcher.setAttribute("aria-label", texts.open_label);
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
    var log = el("ol", "hai-log");
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
    form.appendChild(label);
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
    ui = { root: root, launcher: launcher, panel: panel, status: status, log: log, typing: typing, input: input };

    launcher.addEventListener("click", open);
    close.addEventListener("click", shut);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { shut(); }
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
      if (ready && now - lastTyping > 3000) {
        lastTyping = now;
        transmit({ type: "typing", active: true });
      }
    });
    if (load().open) { open(); }
  }

  function open() {
    ui.panel.hidden = false;
    ui.launcher.setAttribute("aria-expanded", "true");
    save({ open: true });
    if (!socket) {
      addBubble("hai-system", "", texts.ai_notice);
      if (greeting) { addBubble("hai-assistant", texts.assistant_label, greeting); }
      connect(0);
    }
    ui.input.focus();
  }

  function shut() {
    ui.panel.hidden = true;
    ui.launcher.setAttribute("aria-expanded", "false");
    save({ open: false });
    ui.launcher.focus();
  }

  function setStatus(text, className) {
    ui.status.textContent = text || "";
    ui.status.className = "hai-status" + (className ? " " + className : "");
  }

  function setState(state) {
    ui.root.setAttribute("data-state", state);
    if (HUMAN[state]) {
      setStatus(texts.handover, "hai-handover");
    } else if (ui.status.className.indexOf("hai-handover") >= 0) {
      setStatus("");
    }
  }

  function addBubble(className, who, text) {
    var item = el("li", "hai-msg " + className);
    if (who) { item.appendChild(el("span", "hai-who", who)); }
    item.appendChild(document.createTextNode(text));
    ui.log.appendChild(item);
    ui.log.scrollTop = ui.log.scrollHeight;
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
    if (event.type === "customer_message") {
      addBubble("hai-customer", texts.you_label, event.text);
    } else if (event.type === "answer") {
      dropProvisional();  // the stored answer is the authority (it differs when the verification fell back)
      addSources(addBubble("hai-assistant", texts.assistant_label, event.text), event.sources);
    } else if (event.type === "escalated") {
      addBubble("hai-system", "", texts.handover);
      setState("pending_human");
    } else if (event.type === "agent_joined") {
      addBubble("hai-system", "", event.text || named(texts.agent_joined, event.author));
      setState("human");
    } else if (event.type === "agent_message") {
      addBubble("hai-agent", event.author || texts.agent_label, event.text);
    } else if (event.type === "agent_left") {
      addBubble("hai-system", "", event.text || named(texts.agent_left, event.author));
      setState("bot");
    } else if (event.text) {
      addBubble("hai-system", "", event.text);
    }
  }

  var ERROR_TEXTS = { rate_limited: "error_rate_limited", message_too_long: "error_too_long" };
  var LOST_SESSION = { session_expired: 1, session_not_found: 1, forbidden: 1, unauthorized: 1, invalid_token: 1 };

  function onError(event) {
    if (!ready && LOST_SESSION[event.code]) {
      forgetSession();
      addBubble("hai-notice", "", texts.session_restarted);
      transmitNow({ type: "hello", brand: brand });
      return;
    }
    if (event.code === "session_expired") {  // e.g. closed by the service team: go on in a new session
      forgetSession();
      addBubble("hai-notice", "", texts.session_restarted);
      if (lastSent) { outbox.push({ type: "message", text: lastSent }); }
      socket.close();
      return;
    }
    ui.typing.hidden = true;
    dropProvisional();
    addBubble("hai-notice", "", texts[ERROR_TEXTS[event.code] || "error_generic"]);
  }

  function onEvent(event) {
    if (event.type === "ready") {
      ready = true;
      retries = 0;
      setStatus("");
      if (event.session_token) {  // a new session: nothing of an earlier one counts any more
        save({ session_id: event.session_id, session_token: event.session_token });
        shown = {};
        lastSeq = 0;
      }
      setState(event.status);
      while (outbox.length) { transmitNow(outbox.shift()); }
    } else if (event.type === "error") {
      onError(event);
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

  function connect(delay) {
    window.setTimeout(function () {
      var stored = load();
      ready = false;
      socket = new WebSocket(socketUrl);
      if (retries > 0) { setStatus(texts.reconnecting); } else { setStatus(texts.connecting); }
      socket.addEventListener("open", function () {
        var hello = { type: "hello", brand: brand, last_seq: lastSeq };
        if (stored.session_id && stored.session_token) {
          hello.session_id = stored.session_id;
          hello.session_token = stored.session_token;
        }
        transmitNow(hello);
      });
      socket.addEventListener("message", function (message) {
        var event;
        try { event = JSON.parse(message.data); } catch (e) { return; }
        onEvent(event);
      });
      socket.addEventListener("close", function () {
        ready = false;
        dropProvisional();  // the stored answer arrives on resume
        retries += 1;
        setStatus(texts.reconnecting);
        connect(Math.min(10000, 500 * Math.pow(2, Math.min(retries, 5))));
      });
    }, delay);
    if (!pingTimer) {
      pingTimer = window.setInterval(function () { transmit({ type: "ping" }); }, 25000);
    }
  }

  function transmitNow(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(frame)); }
  }

  function transmit(frame) {
    if (ready) { transmitNow(frame); } else if (frame.type === "message") { outbox.push(frame); }
  }

  function submit() {
    var text = ui.input.value.trim();
    if (!text) { return; }
    ui.input.value = "";
    lastSent = text;
    transmit({ type: "message", text: text });
    ui.input.focus();
  }

  fetch(api + "/api/v1/brands/" + encodeURIComponent(brand) + "/widget")
    .then(function (response) {
      if (!response.ok) { throw new Error("widget config " + response.status); }
      return response.json();
    })
    .then(function (config) {
      texts = config.texts;
      greeting = config.greeting;
      build();
    })
    .catch(function () { /* the shop page keeps working without the chat */ });
})();
