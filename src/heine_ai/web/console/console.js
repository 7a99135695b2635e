// Heine AI service console: login, live queue, conversation view and the hand-off actions.
// Plain JavaScript, no build step. Text from the server is only ever set with textContent.
"use strict";

const API = "/api/v1";
const LABELS = {
  status: { open: "offen", claimed: "in Bearbeitung", resolved: "erledigt" },
  priority: { high: "hoch", normal: "normal", low: "niedrig" },
  conversation: { bot: "Assistent", pending_human: "wartet auf Service", human: "beim Service", closed: "beendet" },
  reason: {
    complaint: "Beschwerde", human_request: "Wunsch nach einer Person", legal_threat: "Rechtliche Drohung",
    abuse: "Beleidigung", sensitive_topic: "Sensibles Thema", repeated_failure: "Assistent konnte nicht helfen",
    attachment: "Anhang ohne Text",
  },
  refused: {
    type_not_allowed: "Dateityp nicht erlaubt", too_large: "zu groß", type_mismatch: "Inhalt passt nicht zum Dateityp",
    infected: "Virus gefunden",
  },
  role: { customer: "Kundin/Kunde", assistant: "Assistent", system: "Hinweis" },
  actor: { assistant: "Assistent", system: "System" },
  action: {
    opened: "eröffnet", claimed: "übernommen", assigned: "zugewiesen", replied: "geantwortet", note: "Notiz",
    resolved: "abgeschlossen", handed_back: "an den Bot zurückgegeben", sla_breached: "Frist überschritten",
  },
  kind: {
    return: "Rücksendung", exchange: "Umtausch", cancel: "Stornierung", address_change: "Adressänderung",
    withdrawal: "Widerruf", invoice_copy: "Rechnungskopie",
  },
  actionState: { done: "erledigt", pending_approval: "wartet auf Freigabe", approved: "genehmigt", declined: "abgelehnt" },
  approvalReason: { window_passed: "Rückgabefrist abgelaufen", damaged: "beschädigte Ware", amount: "Betrag über der Grenze" },
};
const ERRORS = {
  invalid_credentials: "Benutzername oder Passwort ist falsch.",
  ticket_already_claimed: "Diese Unterhaltung hat bereits jemand anderes übernommen.",
  conversation_not_held: "Sie bearbeiten diese Unterhaltung nicht. Bitte übernehmen Sie sie zuerst.",
  ticket_not_active: "Zu dieser Unterhaltung gibt es kein offenes Ticket mehr.",
  conversation_not_found: "Diese Unterhaltung gibt es nicht (oder nicht für Ihre Marken).",
  message_empty: "Bitte geben Sie einen Text ein.",
  message_too_long: "Der Text ist zu lang.",
  invalid_assignee: "Diese Kollegin oder dieser Kollege kann das Ticket nicht übernehmen.",
  invalid_token: "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.",
  privacy_subject_not_found: "Zu dieser Angabe sind keine Daten gespeichert.",
  privacy_request_not_found: "Über diesen Antrag ist bereits entschieden.",
  not_found: "Diesen Vorgang gibt es nicht (oder nicht für Ihre Marken).",
  validation_error: "Bitte prüfen Sie Ihre Eingabe.",
};

const $ = (id) => document.getElementById(id);
const session = { access: null, refresh: null, agent: null, current: null, view: null, socket: null, retry: 500 };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function announce(text) { $("status").textContent = text; }
function alertUser(text) { $("alert").textContent = text; }
function time(iso) {
  return el("time", { datetime: iso, text: new Date(iso).toLocaleString("de-DE", { dateStyle: "short", timeStyle: "short" }) });
}

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function api(path, { method = "GET", body, retry = true } = {}) {
  const headers = { "Content-Type": "application/json" };
  if (session.access) headers.Authorization = `Bearer ${session.access}`;
  const response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && retry && session.refresh && path !== "/auth/refresh") {
    if (await refreshTokens()) return api(path, { method, body, retry: false });
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = data.error || {};
    throw new ApiError(response.status, error.code || "error", ERRORS[error.code] || error.message || "Fehler");
  }
  return data;
}

function keep(tokens) {
  session.access = tokens.access_token;
  session.refresh = tokens.refresh_token;
  session.agent = tokens.agent;
  sessionStorage.setItem("heine-console", JSON.stringify(tokens));
}

async function refreshTokens() {
  try {
    keep(await api("/auth/refresh", { method: "POST", body: { refresh_token: session.refresh }, retry: false }));
    return true;
  } catch (error) {
    logout(ERRORS.invalid_token);
    return false;
  }
}

async function login(event) {
  event.preventDefault();
  alertUser("");
  try {
    keep(await api("/auth/login", { method: "POST", body: { username: $("username").value, password: $("password").value } }));
    $("password").value = "";
    start();
  } catch (error) {
    alertUser(error.message);
    $("username").focus();
  }
}

function logout(message) {
  if (session.refresh && !message) api("/auth/logout", { method: "POST", body: { refresh_token: session.refresh } }).catch(() => {});
  sessionStorage.removeItem("heine-console");
  Object.assign(session, { access: null, refresh: null, agent: null, current: null });
  if (session.socket) session.socket.close();
  $("workspace").hidden = true;
  $("whoami").hidden = true;
  $("login").hidden = false;
  if (message) alertUser(message);
  $("username").focus();
}

function start() {
  $("login").hidden = true;
  $("workspace").hidden = false;
  $("whoami").hidden = false;
  $("agent-name").textContent = `${session.agent.display_name} (${session.agent.role === "admin" ? "Admin" : "Service"})`;
  const brands = $("filter-brand");
  brands.replaceChildren(el("option", { value: "", text: "alle" }));
  for (const brand of session.agent.brands) brands.append(el("option", { value: brand, text: brand }));
  // staff file privacy requests; exporting, erasing and deciding requests are an admin's
  const admin = session.agent.role === "admin";
  $("privacy").hidden = false;
  for (const node of document.querySelectorAll("#privacy .admin-only")) node.hidden = !admin;
  if (admin) loadPrivacyRequests();
  const actionBrands = $("actions-brand");
  actionBrands.replaceChildren(...session.agent.brands.map((brand) => el("option", { value: brand, text: brand })));
  $("actions-desk").hidden = !session.agent.brands.length;
  if (session.agent.brands.length) loadActions();
  connect();
  loadQueue();
  $("queue-title").focus();
}

// --- GDPR requests: staff file them; admins export, erase (after a preview and a confirmation) and decide them ---

function privacySubject() {
  return { [$("privacy-kind").value]: $("privacy-value").value.trim() };
}

function resetPrivacy() {
  $("privacy-confirm").hidden = true;
  $("privacy-confirmed").checked = false;
  $("privacy-erase").disabled = true;
}

async function privacyExport(event) {
  event.preventDefault();
  alertUser("");
  resetPrivacy();
  try {
    const data = await api("/admin/privacy/export", { method: "POST", body: privacySubject() });
    downloadJson(data);
    announce(`Auskunft erstellt: ${data.conversations.length} Unterhaltungen.`);
  } catch (error) {
    alertUser(error.message);
  }
}

async function privacyPrepare() {
  alertUser("");
  $("privacy-receipt").hidden = true;
  try {
    const data = await api("/admin/privacy/export", { method: "POST", body: privacySubject() });
    const messages = data.conversations.reduce((sum, c) => sum + c.messages.length, 0);
    $("privacy-preview").textContent =
      `Gefunden: ${data.customers.length} Kundendatensätze, ${data.conversations.length} Unterhaltungen ` +
      `mit ${messages} Nachrichten, ${data.emails_without_conversation.length} weitere E-Mails.`;
    $("privacy-confirm").hidden = false;
    $("privacy-confirmed").focus();
  } catch (error) {
    alertUser(error.message);
  }
}

const PRIVACY_ACTIONS = { export: "Auskunft", erase: "Löschung" };
const PRIVACY_KINDS = { email: "E-Mail-Adresse", customer_id: "Kundennummer", session_id: "Sitzungs-ID" };

async function fileRequest(action) {
  alertUser("");
  try {
    await api("/agent/privacy/requests", { method: "POST", body: { ...privacySubject(), action } });
    $("privacy-value").value = "";
    announce(`${PRIVACY_ACTIONS[action]} beantragt: eine Admin-Person entscheidet darüber.`);
    if (session.agent.role === "admin") loadPrivacyRequests();
  } catch (error) {
    alertUser(error.message);
  }
}

async function loadPrivacyRequests() {
  const requests = await api("/admin/privacy/requests");
  $("privacy-requests").replaceChildren(...requests.map(privacyRequestItem));
  if (!requests.length) $("privacy-requests").append(el("li", { text: "Keine offenen Anträge." }));
}

function privacyRequestItem(request) {
  const named = Object.keys(PRIVACY_KINDS).filter((kind) => request[kind])
    .map((kind) => `${PRIVACY_KINDS[kind]} ${request[kind]}`).join(", ");
  const item = el("li", { "data-request": request.id },
    el("strong", { text: `${PRIVACY_ACTIONS[request.action]}: ` }), named, " · ", time(request.created_at));
  const check = el("input", { type: "checkbox", id: `confirm-${request.id}` });
  const confirmButton = el("button", { type: "button", text: "Bestätigen und ausführen" });
  confirmButton.disabled = true;
  check.addEventListener("change", () => { confirmButton.disabled = !check.checked; });
  confirmButton.addEventListener("click", () => decideRequest(request, "confirm"));
  const reject = el("button", { type: "button", text: "Ablehnen" });
  reject.addEventListener("click", () => decideRequest(request, "reject"));
  const label = el("label", { class: "inline", for: check.id, text: "Ich bestätige als Admin diesen Antrag." });
  item.append(el("div", {}, check, label, confirmButton, reject));
  return item;
}

async function decideRequest(request, decision) {
  alertUser("");
  try {
    const path = `/admin/privacy/requests/${encodeURIComponent(request.id)}/${decision}`;
    const result = await api(path, { method: "POST", body: decision === "confirm" ? { confirm: true } : undefined });
    if (decision === "reject") announce("Antrag abgelehnt.");
    else if (result.receipt) showReceipt(result.receipt);
    else {
      downloadJson(result.export);
      announce(`Auskunft erstellt: ${result.export.conversations.length} Unterhaltungen.`);
    }
  } catch (error) {
    alertUser(error.message);
  }
  loadPrivacyRequests();
}

function downloadJson(data) {  // not download(file), the customer's file below
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: "auskunft.json" });
  document.body.append(link);
  link.click();
  link.remove();
}

function showReceipt(receipt) {
  const deleted = Object.entries(receipt.deleted).map(([kind, count]) => `${kind}: ${count}`).join(", ") || "nichts";
  let text = `Gelöscht: ${deleted}.`;
  if (receipt.restricted.conversations) {
    const until = new Date(receipt.restricted.until).toLocaleDateString("de-DE");
    text += ` ${receipt.restricted.conversations} Unterhaltungen sind gesetzlich aufzubewahren (HGB §257, AO §147) ` +
      `und bis ${until} gesperrt.`;
  }
  $("privacy-receipt").textContent = text;
  $("privacy-receipt").hidden = false;
  announce("Löschung ausgeführt.");
}

async function privacyErase() {
  alertUser("");
  try {
    const receipt = await api("/admin/privacy/erase", { method: "POST", body: { ...privacySubject(), confirm: true } });
    showReceipt(receipt);
    $("privacy-value").value = "";
  } catch (error) {
    alertUser(error.message);
  }
  resetPrivacy();
}

// --- Action queues: approval tasks (one click approves or declines; the customer is told) and withdrawals ---

async function loadActions() {
  const params = new URLSearchParams({ brand: $("actions-brand").value, queue: $("actions-queue").value });
  try {
    const actions = await api(`/agent/actions?${params}`);
    $("actions-count").textContent = String(actions.length);
    $("actions-empty").hidden = actions.length > 0;
    $("actions").replaceChildren(...actions.map(actionItem));
  } catch (error) { alertUser(error.message); }
}

function actionItem(action) {
  const what = `${LABELS.kind[action.kind] || action.kind} ${action.reference}`;
  const item = el("li", { "data-action": action.id }, el("strong", { text: `${what}: ` }),
    el("span", { text: `Bestellung ${action.order_number} · ${LABELS.actionState[action.state] || action.state}` }),
    action.approval_reason ? el("span", { text: ` · ${LABELS.approvalReason[action.approval_reason] || action.approval_reason}` }) : null,
    el("span", { text: " · " }), time(action.created_at));
  if (action.state === "pending_approval") {
    const approve = el("button", { type: "button", "aria-label": `${what} genehmigen`, text: "Genehmigen" });
    approve.addEventListener("click", () => decideAction(action, true));
    const decline = el("button", { type: "button", "aria-label": `${what} ablehnen`, text: "Ablehnen" });
    decline.addEventListener("click", () => decideAction(action, false));
    item.append(el("div", {}, approve, decline));
  }
  return item;
}

async function decideAction(action, approve) {
  alertUser("");
  try {
    const path = `/agent/actions/${encodeURIComponent(action.id)}/decision?brand=${encodeURIComponent(action.brand)}`;
    const result = await api(path, { method: "POST", body: { approve } });
    const what = `${LABELS.kind[action.kind] || action.kind} ${action.reference}`;
    announce(`${what} ${approve ? "genehmigt" : "abgelehnt"}` +
      (result.customer_told ? ": die Kundin oder der Kunde ist informiert." : "."));
  } catch (error) { alertUser(error.message); }
  await loadActions();
  $("actions-title").focus();
}

async function loadQueue() {
  const params = new URLSearchParams({ status: $("filter-status").value });
  if ($("filter-brand").value) params.set("brand", $("filter-brand").value);
  if ($("filter-priority").value) params.set("priority", $("filter-priority").value);
  if ($("filter-overdue").checked) params.set("overdue", "true");
  try {
    renderQueue(await api(`/agent/queue?${params}`));
  } catch (error) { alertUser(error.message); }
}

function renderQueue(tickets) {
  $("queue-count").textContent = String(tickets.length);
  $("queue-empty").hidden = tickets.length > 0;
  $("queue").replaceChildren(...tickets.map((ticket) => {
    const due = ticket.overdue ? el("span", { class: "overdue", text: " · überfällig" }) : null;
    const button = el("button", { type: "button", "data-conversation": ticket.conversation_id },
      el("span", { class: `prio-${ticket.priority}`, text: `${LABELS.priority[ticket.priority]} · ` }),
      el("span", { text: `${LABELS.status[ticket.status]} · ${ticket.brand}` }), due,
      el("br"), el("span", { text: ticket.summary }));
    if (ticket.conversation_id === session.current) button.setAttribute("aria-current", "true");
    button.addEventListener("click", () => openConversation(ticket.conversation_id, true));
    return el("li", {}, button);
  }));
}

async function openConversation(id, focus) {
  session.current = id;
  try {
    const view = await api(`/agent/conversations/${encodeURIComponent(id)}`);
    // a live refresh of the open conversation keeps the mail preview the agent asked for (and its focus)
    const refresh = Boolean(session.view) && session.view.conversation_id === id && !focus;
    session.view = view;
    // an e-mail conversation, or a web chat the customer continues by e-mail (409 for any other)
    const mail = view.channel === "email" || view.channel === "web"
      ? await api(`/agent/conversations/${encodeURIComponent(id)}/email`).catch(() => null) : null;
    const files = mail ? mail.attachments  // a web chat's uploads (any other channel's files) come on their own
      : await api(`/agent/conversations/${encodeURIComponent(id)}/attachments`).catch(() => []);
    renderConversation(view, mail, files, refresh);
    if (focus) $("conversation-title").focus();
    for (const button of document.querySelectorAll("#queue button")) {
      button.toggleAttribute("aria-current", button.dataset.conversation === id);
    }
    loadColleagues(view.brand);
  } catch (error) { alertUser(error.message); }
}

function renderConversation(view, mail, files, refresh) {
  $("conversation").hidden = false;
  const ticket = view.ticket;
  $("conversation-title").textContent = `Unterhaltung ${view.conversation_id.slice(0, 8)} (${view.brand}, ${view.channel})`;
  const rows = [
    ["Status", LABELS.conversation[view.status] || view.status],
    ["Grund", LABELS.reason[view.escalation_reason] || view.escalation_reason || "–"],
  ];
  if (view.rating) {
    rows.push(["Bewertung", `${view.rating.score} von 5` + (view.rating.comment ? ` – „${view.rating.comment}“` : "")]);
  }
  if (mail) rows.push(["E-Mail-Adresse", mail.address || "unbekannt"], ["Betreff", mail.subject || "(ohne Betreff)"]);
  $("mail-files").hidden = !files.length;
  $("mail-files-list").replaceChildren(...files.map(renderFile));
  $("reply-preview-show").hidden = !mail;
  if (!refresh || !mail) $("reply-preview").hidden = true;
  if (ticket) {
    rows.push(["Ticket", LABELS.status[ticket.status]], ["Priorität", LABELS.priority[ticket.priority]],
      ["Bearbeitet von", ticket.assignee_name || "niemand"],
      ["Antwort fällig", new Date(ticket.sla_due_at).toLocaleString("de-DE") + (ticket.overdue ? " (überfällig)" : "")]);
  }
  $("ticket-meta").replaceChildren(...rows.flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]));
  $("ticket-summary").textContent = ticket ? `Anliegen: ${ticket.summary}` : "";
  const mine = ticket && ticket.status === "claimed" && ticket.assignee_id === session.agent.id;
  const active = ticket && ticket.status !== "resolved";
  $("claim").disabled = !(ticket && ticket.status === "open");
  $("handback").disabled = !(mine || (active && session.agent.role === "admin"));
  $("resolve").disabled = $("handback").disabled;
  $("assign").disabled = !active;
  $("reply-send").disabled = !mine;
  $("messages").replaceChildren(...view.messages.map(renderMessage));
  $("audit").replaceChildren(...view.audit.map((entry) => el("li", {}, time(entry.created_at),
    el("span", { text: ` ${LABELS.actor[entry.actor] || entry.actor}: ${LABELS.action[entry.action] || entry.action}` }),
    entry.note ? el("span", { text: ` – „${entry.note}“` }) : null)));
}

function renderMessage(message) {
  const who = message.role === "agent" ? message.author_name || "Service" : LABELS.role[message.role];
  const item = el("li", { class: message.role }, el("span", { class: "who", text: who }), time(message.created_at),
    el("p", { text: message.content }));
  if (message.role === "assistant" && message.sources.length) {
    const sources = el("ul", { class: "sources", "aria-label": "Quellen des Assistenten" });
    for (const source of message.sources) {
      sources.append(el("li", {}, el("a", { href: source.url, target: "_blank", rel: "noopener", text: source.title }),
        el("span", { text: ` (Relevanz ${Math.round(source.relevance * 100)} %)` })));
    }
    item.append(sources);
  }
  if (message.role === "assistant" && message.confidence !== null) {
    item.append(el("p", { class: "sources", text: `Sicherheit ${Math.round(message.confidence * 100)} %` +
      (message.escalation_reason ? ` · übergeben: ${LABELS.reason[message.escalation_reason] || message.escalation_reason}` : "") }));
  }
  return item;
}

function renderFile(file) {
  const size = file.size < 1024 ? `${file.size} B` : `${Math.ceil(file.size / 1024)} KB`;
  if (!file.url) {
    return el("li", { text: `${file.filename} (${size}) – nicht gespeichert: ${LABELS.refused[file.refused] || file.refused}` });
  }
  const note = file.scan === "clean" ? "auf Viren geprüft" : "nicht auf Viren geprüft";
  const button = el("button", { type: "button", class: "link", text: `${file.filename} herunterladen` });
  button.addEventListener("click", () => downloadFile(file));
  return el("li", {}, button, el("span", { text: ` (${size}, ${note})` }));
}

async function downloadFile(file) {  // not "download": that name is the privacy export's
  alertUser("");
  const response = await fetch(file.url, { headers: { Authorization: `Bearer ${session.access}` } });
  if (!response.ok) { alertUser("Die Datei ließ sich nicht laden."); return; }
  const url = URL.createObjectURL(await response.blob());
  const link = el("a", { href: url, download: file.filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function previewMail() {
  alertUser("");
  try {
    const mail = await api(`/agent/conversations/${encodeURIComponent(session.current)}/email-preview`,
      { method: "POST", body: { text: $("reply-text").value } });
    $("reply-preview-meta").replaceChildren(...[["An", mail.to], ["Von", mail.sender], ["Betreff", mail.subject]]
      .flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]));
    $("reply-preview-text").textContent = mail.text;
    $("reply-preview").hidden = false;
    $("reply-preview-title").focus();
  } catch (error) { alertUser(error.message); }
}

async function loadColleagues(brand) {
  try {
    const colleagues = await api(`/agent/colleagues?brand=${encodeURIComponent(brand)}`);
    $("assignee").replaceChildren(...colleagues.map((c) => el("option", { value: c.id, text: c.display_name })));
  } catch (error) { alertUser(error.message); }
}

async function act(path, body, done) {
  alertUser("");
  try {
    await api(`/agent/conversations/${encodeURIComponent(session.current)}/${path}`, { method: "POST", body });
    announce(done);
  } catch (error) { alertUser(error.message); }
  await Promise.all([openConversation(session.current, false), loadQueue()]);
}

function connect() {
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${API}/agent/events`;
  const socket = new WebSocket(url);
  session.socket = socket;
  socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "auth", token: session.access })));
  socket.addEventListener("message", (event) => onNotice(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    $("feed-state").textContent = "getrennt";
    if (session.access && session.socket === socket) setTimeout(connect, session.retry = Math.min(session.retry * 2, 10000));
  });
}

let pending = null;
function onNotice(notice) {
  if (notice.type === "ready" || notice.type === "resync") {  // resync: notices may have been lost meanwhile
    $("feed-state").textContent = "live";
    session.retry = 500;
    loadQueue();
    if (session.agent.brands.length) loadActions();
    if (session.current) openConversation(session.current, false);
    return;
  }
  if (notice.type === "error") { if (notice.code === "invalid_token") refreshTokens(); return; }
  if (notice.type === "message" && notice.role === "customer" && notice.status !== "bot") {
    announce(notice.conversation_id === session.current ? "Neue Nachricht in dieser Unterhaltung." : "Neue Kundennachricht in der Warteschlange.");
  }
  clearTimeout(pending);  // several notices in a burst cost one reload
  pending = setTimeout(() => {
    loadQueue();
    if (session.agent.brands.length) loadActions();  // a new approval task or withdrawal comes with a bot reply
    if (session.current === notice.conversation_id) openConversation(session.current, false);
  }, 100);
}

document.addEventListener("DOMContentLoaded", () => {
  $("login-form").addEventListener("submit", login);
  $("logout").addEventListener("click", () => logout());
  $("filters").addEventListener("change", loadQueue);
  $("actions-filters").addEventListener("change", loadActions);
  $("privacy-form").addEventListener("submit", privacyExport);
  $("privacy-prepare").addEventListener("click", privacyPrepare);
  $("privacy-confirmed").addEventListener("change", () => { $("privacy-erase").disabled = !$("privacy-confirmed").checked; });
  $("privacy-erase").addEventListener("click", privacyErase);
  $("privacy-request-export").addEventListener("click", () => fileRequest("export"));
  $("privacy-request-erase").addEventListener("click", () => fileRequest("erase"));
  $("privacy-cancel").addEventListener("click", resetPrivacy);
  $("privacy-kind").addEventListener("change", resetPrivacy);
  $("privacy-value").addEventListener("input", resetPrivacy);
  $("claim").addEventListener("click", () => act("claim", undefined, "Unterhaltung übernommen."));
  $("handback").addEventListener("click", () => act("handback", {}, "An den Bot zurückgegeben."));
  $("resolve").addEventListener("click", () => act("resolve", {}, "Unterhaltung abgeschlossen."));
  $("assign").addEventListener("click", () => act("assign", { agent_id: $("assignee").value }, "Zugewiesen."));
  $("reply-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("reply-text").value;
    act("reply", { text }, "Antwort gesendet.").then(() => { if (!$("alert").textContent) $("reply-text").value = ""; });
  });
  $("reply-preview-show").addEventListener("click", previewMail);
  $("note-form").addEventListener("submit", (event) => {
    event.preventDefault();
    act("notes", { text: $("note-text").value }, "Notiz gespeichert.").then(() => { if (!$("alert").textContent) $("note-text").value = ""; });
  });
  const saved = sessionStorage.getItem("heine-console");
  if (saved) { keep(JSON.parse(saved)); start(); } else { $("username").focus(); }
});
