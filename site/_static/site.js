// On a notebook's page, on a wide screen, fold the navigation sidebar away so that the figures
// get the page's width (site.css); the menu button at the top of the page shows it again.
document.addEventListener("DOMContentLoaded", () => {
  const sidebar = document.querySelector("#pst-primary-sidebar");
  const isNotebook = document.querySelector("div.cell") !== null;
  if (!sidebar || !isNotebook) {
    return;
  }
  document.body.classList.add("np-notebook");
  const wide = () => window.matchMedia("(min-width: 992px)").matches;
  if (wide()) {
    sidebar.classList.add("pst-sidebar-hidden");
  }
  document.querySelectorAll(".primary-toggle").forEach((button) => {
    button.addEventListener(
      "click",
      (event) => {
        if (wide()) {
          event.preventDefault();
          event.stopImmediatePropagation();
          sidebar.classList.toggle("pst-sidebar-hidden");
        }
      },
      true,
    );
  });
});
