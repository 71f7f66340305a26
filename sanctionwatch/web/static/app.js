// Review form: sends the action to the JSON API with the analyst's key, then reloads.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  if (!form) return;
  var keyInput = form.elements.key;
  var msg = form.querySelector(".msg");
  keyInput.value = sessionStorage.getItem("sw-review-key") || "";

  function showFields() {
    var action = form.elements.action.value;
    form.querySelectorAll(".field[data-for]").forEach(function (el) {
      el.hidden = el.dataset.for.split(" ").indexOf(action) < 0;
    });
  }
  form.querySelectorAll("input[name=action]").forEach(function (el) {
    el.addEventListener("change", showFields);
  });
  showFields();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var action = form.elements.action.value;
    var body = { action: action };
    ["reason", "note", "assignee"].forEach(function (name) {
      var value = form.elements[name].value.trim();
      var field = form.querySelector(".field[data-for~=" + action + "] [name=" + name + "]");
      if (field && value) body[name] = value;
    });
    msg.className = "msg";
    msg.textContent = "Recording…";
    sessionStorage.setItem("sw-review-key", keyInput.value);
    fetch("/findings/" + form.dataset.finding + "/review", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": keyInput.value },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      if (!result.ok) {
        var details = (result.data.errors || []).map(function (e) { return e.message; });
        msg.className = "msg err";
        msg.textContent = result.data.message + (details.length ? " (" + details.join("; ") + ")" : "");
        return;
      }
      msg.className = "msg ok";
      msg.textContent = "Recorded.";
      window.location.reload();
    }).catch(function () {
      msg.className = "msg err";
      msg.textContent = "The server could not be reached.";
    });
  });
})();
