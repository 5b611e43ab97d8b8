// The workspace's only script: live preview, autosave, uploads, sorting, publishing progress.
// Text from the server is put in the page with textContent, never as markup.
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  const events = new EventSource("/gebeurtenissen");
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };

  // Sortable problem tables: a button in each column header; Enter or a click sorts.
  for (const table of document.querySelectorAll("table.sorteerbaar")) {
    const headers = [...table.querySelectorAll("thead th")];
    for (const button of table.querySelectorAll("thead button")) {
      button.addEventListener("click", () => {
        const column = Number(button.dataset.kolom);
        const th = headers[column];
        const up = th.getAttribute("aria-sort") !== "ascending";
        for (const h of headers) h.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        const body = table.tBodies[0];
        const key = (row) => {
          const cell = row.cells[column];
          return cell.dataset.sort !== undefined ? Number(cell.dataset.sort) : cell.firstChild ? cell.firstChild.textContent.trim() : "";
        };
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a),
            y = key(b);
          const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "nl", { numeric: true });
          return up ? c : -c;
        });
        for (const r of rows) body.appendChild(r);
      });
    }
  }

  // Uploads: each chosen file as it is, with its name; the server keeps the previous version.
  const upload = document.getElementById("upload");
  if (upload) {
    const said = sessionStorage.getItem("upload-melding");
    if (said) {
      document.getElementById("upload-status").textContent = said;
      sessionStorage.removeItem("upload-melding");
    }
    upload.addEventListener("submit", async (event) => {
      event.preventDefault();
      const statusLine = document.getElementById("upload-status");
      const files = [...document.getElementById("bestanden").files];
      if (files.length === 0) {
        statusLine.textContent = "Kies eerst een bestand.";
        return;
      }
      statusLine.textContent = "Bezig met inlezen …";
      const messages = [];
      for (const file of files) {
        const response = await fetch(`/registratie/upload?naam=${encodeURIComponent(file.name)}`, {
          method: "POST",
          headers: { "x-csrf-token": csrf, "content-type": "application/octet-stream" },
          body: file,
        });
        if (response.headers.get("content-type")?.startsWith("application/json")) messages.push((await response.json()).melding);
        else messages.push(response.status === 413 ? `${file.name} is te groot.` : `${file.name} is geweigerd.`);
        if (!response.ok) break;
      }
      sessionStorage.setItem("upload-melding", messages.join(" "));
      location.reload();
    });
  }

  // The text: saved while typing; the preview follows.
  const work = document.querySelector(".tekstwerk");
  if (work) {
    const jaar = Number(work.dataset.jaar);
    const frame = document.getElementById("voorbeeld");
    const statusLine = document.getElementById("voorbeeld-status");
    // Saved at once; while a save is under way, only the latest text is sent after it, so
    // saves never overtake each other and a pause in typing is not needed.
    const saving = new Map();
    const save = async (area, saved) => {
      const state = saving.get(area) || { busy: false, again: false };
      saving.set(area, state);
      if (state.busy) {
        state.again = true;
        return;
      }
      state.busy = true;
      do {
        state.again = false;
        const response = await fetch("/tekst/sectie", {
          method: "POST",
          headers: { "x-csrf-token": csrf, "content-type": "application/json" },
          body: JSON.stringify({ jaar, titel: area.dataset.sectie, tekst: area.value }),
        }).catch(() => null);
        saved.textContent = response && response.ok ? "Bewaard." : "Niet bewaard: laad de pagina opnieuw.";
      } while (state.again);
      state.busy = false;
    };
    for (const area of work.querySelectorAll("textarea[data-sectie]")) {
      const saved = document.getElementById(area.getAttribute("aria-describedby").split(" ")[1]);
      area.addEventListener("input", () => {
        saved.textContent = "";
        void save(area, saved);
      });
    }
    let scroll = [0, 0];
    let editing = null;
    work.addEventListener("focusin", (event) => {
      if (event.target.matches("textarea[data-sectie]")) editing = event.target.dataset.sectie;
    });
    // After each update the preview shows the section being written, else where it was.
    const place = () => {
      try {
        const doc = frame.contentDocument;
        const heading = editing && [...doc.querySelectorAll("h1, h2, h3")].find((h) => h.textContent.trim().endsWith(editing));
        // Scroll the frame only (scrollIntoView would move the page with the editor too).
        if (heading) frame.contentWindow.scrollTo(0, heading.getBoundingClientRect().top + frame.contentWindow.scrollY - 8);
        else frame.contentWindow.scrollTo(scroll[0], scroll[1]);
      } catch (e) {
        /* nothing to restore */
      }
      frame.dispatchEvent(new CustomEvent("bijgewerkt"));
    };
    let loaded = false;
    let shown = 0;
    frame.addEventListener("load", () => {
      loaded = true;
      place();
    });
    events.addEventListener("voorbeeld", async (message) => {
      const data = JSON.parse(message.data);
      if (data.jaar !== jaar) return;
      statusLine.textContent = data.status;
      try {
        scroll = [frame.contentWindow.scrollX, frame.contentWindow.scrollY];
      } catch (e) {
        scroll = [0, 0];
      }
      const body = loaded && frame.contentDocument && frame.contentDocument.body;
      if (body) {
        // Swap the report's content in place: the fonts and styles stay decoded.
        const response = await fetch(`/voorbeeld.html?jaar=${jaar}&v=${data.versie}&deel=inhoud`);
        const content = await response.text();
        if (data.versie < shown) return;
        shown = data.versie;
        body.innerHTML = content;
        frame.dataset.versie = String(data.versie);
        place();
      } else {
        frame.dataset.versie = String(data.versie);
        frame.src = `/voorbeeld.html?jaar=${jaar}&v=${data.versie}`;
      }
      for (const box of work.querySelectorAll(".vondsten")) box.replaceChildren();
      for (const area of work.querySelectorAll("textarea[data-sectie]")) area.removeAttribute("aria-invalid");
      for (const f of data.vondsten) {
        const area = [...work.querySelectorAll("textarea[data-sectie]")].find((a) => a.dataset.sectie === f.sectie);
        if (!area) continue;
        area.setAttribute("aria-invalid", "true");
        const box = document.getElementById(area.getAttribute("aria-describedby").split(" ")[0]);
        const p = el("p", undefined, "vondst");
        p.append(el("span", `Regel ${f.regel}:`, "label"), " ", f.voor, el("mark", f.treffer), f.na, el("br"), f.melding);
        box.append(p);
      }
    });
  }

  // Publishing: one progress bar per document, then the files, or the refusal and what to do.
  const publish = document.getElementById("publiceer");
  if (publish) {
    let taak = null;
    // While the form is being sent the page does not know its task's number yet, and a quick
    // refusal may arrive before it does: such events are kept and read once the number is known.
    let sending = false;
    const early = [];
    const list = document.getElementById("voortgang");
    const statusLine = document.getElementById("publiceer-status");
    const refusal = document.getElementById("weigering");
    const filesList = document.getElementById("bestanden-lijst");
    let steps = [];
    const mark = (upTo) => {
      steps.forEach((s, i) => {
        s.bar.value = i <= upTo ? 1 : 0;
        s.state.textContent = i <= upTo ? "klaar" : i === upTo + 1 ? "bezig" : "wacht";
      });
    };
    // A revision needs a reason (it goes into the erratum): asked for before anything is made.
    const reason = document.getElementById("reden");
    const revision = () => publish.querySelector('input[name="soort"]:checked')?.value === "herziening";
    const markReason = () => {
      reason.required = revision();
      if (!revision()) reason.removeAttribute("aria-invalid");
    };
    for (const r of publish.querySelectorAll('input[name="soort"]')) r.addEventListener("change", markReason);
    markReason();
    // A refusal: nothing was written, so no step is "bezig" or "klaar" any more.
    const stopped = () => {
      for (const s of steps) {
        s.bar.value = 0;
        s.state.textContent = "niet gemaakt";
      }
    };
    publish.setAttribute("novalidate", "");
    publish.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (revision() && reason.value.trim() === "") {
        refusal.replaceChildren();
        statusLine.textContent = "Schrijf bij een herziening waarom het verslag wordt herzien: de reden komt in het erratum.";
        reason.setAttribute("aria-invalid", "true");
        reason.focus();
        return;
      }
      reason.removeAttribute("aria-invalid");
      const form = new FormData(publish);
      const chosen = [...publish.querySelectorAll('input[name="documenten"]:checked')];
      const all = publish.querySelectorAll('input[name="documenten"]').length === chosen.length;
      const names = [
        "Beschermen en controleren",
        ...chosen.map((c) => c.parentElement.textContent.trim()),
        ...(all ? ["Bundel voor het Presidium"] : []),
      ];
      list.replaceChildren();
      refusal.replaceChildren();
      filesList.replaceChildren();
      steps = names.map((name, i) => {
        const li = el("li");
        const label = el("span", name);
        label.id = `stap-${i}`;
        const bar = el("progress");
        bar.max = 1;
        bar.value = 0;
        bar.setAttribute("aria-labelledby", `stap-${i}`);
        const state = el("span", "wacht", "stapstatus");
        li.append(label, " ", bar, " ", state);
        list.append(li);
        return { bar, state };
      });
      mark(-1);
      statusLine.textContent = "Bezig …";
      taak = null;
      sending = true;
      early.length = 0;
      try {
        const response = await fetch("/publiceren", {
          method: "POST",
          headers: { "x-csrf-token": csrf, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(form),
        });
        if (!response.ok) {
          stopped();
          const said = response.headers.get("content-type")?.startsWith("application/json") ? (await response.json()).melding : null;
          statusLine.textContent = `Geweigerd: ${said || "kies een jaar, voor wie, de soort en minstens één document."}`;
          return;
        }
        taak = (await response.json()).taak;
      } catch {
        stopped();
        statusLine.textContent = "Geweigerd: de werkplaats antwoordt niet. Is het venster van de werkplaats nog open?";
        return;
      } finally {
        sending = false;
      }
      for (const [kind, data] of early.splice(0)) if (data.taak === taak) onEvent[kind](data);
    });
    const onProgress = (data) => mark(data.stap - 1);
    const onDone = (data) => {
      if (!data.ok) {
        stopped();
        statusLine.textContent = "Niet gemaakt.";
        refusal.append(el("h3", data.reden));
        const ul = el("ul");
        for (const p of data.problemen) ul.append(el("li", p));
        refusal.append(ul, el("p", `Wat nu: ${data.advies}`));
        return;
      }
      mark(steps.length - 1);
      statusLine.textContent = `Klaar: ${data.bestanden.length} bestanden gemaakt, ${data.verborgen} cijfers verborgen. Ze staan in het register hieronder.`;
      for (const f of data.bestanden.filter((b) => /\.(pdf|csv|png)$/.test(b.naam))) {
        const li = el("li");
        const open = el("a", `Openen: ${f.naam}`);
        open.href = `/bestand?pad=${encodeURIComponent(f.pad)}`;
        open.target = "_blank";
        const down = el("a", "downloaden");
        down.href = `/bestand?pad=${encodeURIComponent(f.pad)}&download=1`;
        down.setAttribute("download", f.naam);
        down.setAttribute("aria-label", `${f.naam} downloaden`);
        li.append(open, " · ", down);
        filesList.append(li);
      }
      const table = document.getElementById("register-tabel");
      const empty = document.getElementById("register-leeg");
      if (empty) empty.hidden = true;
      table.hidden = false;
      const body = table.tBodies[0];
      body.replaceChildren();
      for (const e of data.register) {
        const tr = el("tr");
        for (const v of [e.titel, e.jaar, e.audience, String(e.cijfers), e.report]) tr.append(el("td", v));
        body.append(tr);
      }
    };
    const onEvent = { voortgang: onProgress, klaar: onDone };
    for (const kind of Object.keys(onEvent))
      events.addEventListener(kind, (message) => {
        const data = JSON.parse(message.data);
        if (sending) early.push([kind, data]);
        else if (data.taak === taak) onEvent[kind](data);
      });
  }
})();
