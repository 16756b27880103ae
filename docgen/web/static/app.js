// docgen's page: follow a running job (a build) and reload when it is done.
"use strict";
(function () {
  const box = document.querySelector(".progress[data-job]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const words = box.querySelector(".step-words");
  const url = "/viec/" + encodeURIComponent(box.dataset.job) + "/trang-thai";
  async function poll() {
    try {
      const response = await fetch(url, { cache: "no-store" });
      if (response.ok) {
        const state = await response.json();
        if (state.xong) { window.location.reload(); return; }
        words.textContent = state.buoc;
        if (state.tong) { bar.max = state.tong; bar.value = state.da_xong; }
        else { bar.removeAttribute("value"); }
      }
    } catch (error) { /* the server is busy or restarting: try again */ }
    window.setTimeout(poll, 400);
  }
  window.setTimeout(poll, 300);
})();
