/* latar: the reader's marker filter is CSS (it works without JavaScript); this remembers it across visits. */

const KEY_KINDS = "latar:hidden-kinds";
const KEY_ALL = "latar:hide-all";

function load(key, fallback) {
  try {
    const value = JSON.parse(window.localStorage.getItem(key));
    return value === null ? fallback : value;
  } catch {
    return fallback;
  }
}

function save(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* private mode: not remembered */
  }
}

/** Restore the reader's choice in the article's controls and remember every change. */
export function rememberFilter(article) {
  article.querySelectorAll(".latar-controls input[data-latar-kind]").forEach((box) => {
    const kind = box.getAttribute("data-latar-kind");
    box.checked = !load(KEY_KINDS, []).includes(kind);
    box.addEventListener("change", () => {
      const hidden = load(KEY_KINDS, []).filter((k) => k !== kind);
      if (!box.checked) hidden.push(kind);
      save(KEY_KINDS, hidden);
    });
  });
  const all = article.querySelector(".latar-hide-all-toggle");
  if (all) {
    all.checked = !!load(KEY_ALL, false);
    all.addEventListener("change", () => save(KEY_ALL, all.checked));
  }
}
