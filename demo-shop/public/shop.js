// The demo shop's only script: it hands the code a shopper just redeemed in the loyalty widget to the
// cart, and opens the widget from the shop's own buttons. External file, no inline code: CSP-friendly.
window.Loyalty =
  window.Loyalty ||
  function loyaltyQueue(...call) {
    loyaltyQueue.q = loyaltyQueue.q || [];
    loyaltyQueue.q.push(call);
  };

const english = document.documentElement.lang === "en";
const texts = {
  applied: english ? "Code {code} added to your cart." : "Código {code} añadido a tu carrito.",
  view: english ? "View cart" : "Ver carrito",
  failed: english ? "We couldn't add the code to your cart." : "No hemos podido añadir el código al carrito.",
};

function toast(text, link) {
  const box = document.createElement("div");
  box.className = "toast";
  box.setAttribute("role", "status");
  box.textContent = text;
  if (link) {
    const anchor = document.createElement("a");
    anchor.href = "/carrito";
    anchor.textContent = link;
    box.append(" ", anchor);
  }
  document.body.append(box);
  setTimeout(() => box.remove(), 8000);
}

// Through the page API (rather than a window listener), so that the widget's wallet offers "Apply to cart" for unused codes.
window.Loyalty("on", "redeemed", async (detail) => {
  const code = detail?.code;
  if (typeof code !== "string" || !code) return;
  try {
    const response = await fetch("/carrito/codigo", {
      method: "POST",
      headers: { accept: "application/json" },
      body: new URLSearchParams({ code }),
    });
    if (!response.ok) throw new Error(String(response.status));
    if (location.pathname === "/carrito" || location.pathname === "/pagar") location.reload();
    else toast(texts.applied.replace("{code}", code), texts.view);
  } catch {
    toast(texts.failed);
  }
});

document.addEventListener("click", (event) => {
  const opener = event.target instanceof Element ? event.target.closest("[data-loyalty-open]") : null;
  if (!opener) return;
  event.preventDefault();
  window.Loyalty("open", opener.getAttribute("data-loyalty-open") || "home");
});
