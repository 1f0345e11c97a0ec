#include "web/markdown.hpp"

#include <cmark-gfm.h>

#include <memory>

namespace hs::web {

namespace {

struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

void squeeze_spaces(std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    bool ws = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  s = std::move(out);
}

// The visible text under a node: text, code, link text and image descriptions; raw
// HTML contributes nothing.
void collect_text(cmark_node* node, std::string& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK: {
        const char* lit = cmark_node_get_literal(child);
        if (lit) out += lit;
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK: break;
      default:
        collect_text(child, out);
        // Blocks inside a list item or quote stay apart as words.
        if (cmark_node_get_type(child) == CMARK_NODE_PARAGRAPH) out += ' ';
        break;
    }
  }
}

std::string text_of(cmark_node* node) {
  std::string s;
  collect_text(node, s);
  squeeze_spaces(s);
  return s;
}

void add_blocks(cmark_node* parent, std::vector<MarkdownBlock>& out, bool quoted = false) {
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    MarkdownBlock b;
    b.quoted = quoted;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        b.type = MarkdownBlock::Type::heading;
        b.text = text_of(node);
        break;
      case CMARK_NODE_PARAGRAPH: b.text = text_of(node); break;
      case CMARK_NODE_CODE_BLOCK: {
        const char* lit = cmark_node_get_literal(node);
        b.text = lit ? lit : "";
        squeeze_spaces(b.text);
        break;
      }
      case CMARK_NODE_LIST:
        b.type = MarkdownBlock::Type::list;
        b.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
          auto t = text_of(item);
          if (!t.empty()) b.items.push_back(std::move(t));
        }
        if (b.items.empty()) continue;
        out.push_back(std::move(b));
        continue;
      case CMARK_NODE_BLOCK_QUOTE: add_blocks(node, out, true); continue;
      default: continue;  // raw HTML blocks, thematic breaks
    }
    if (!b.text.empty()) out.push_back(std::move(b));
  }
}

}  // namespace

std::vector<MarkdownBlock> markdown_blocks(std::string_view markdown) {
  // Safe mode is the default in cmark-gfm; asked for anyway, since no HTML is wanted.
  std::unique_ptr<cmark_node, NodeFree> doc(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_SAFE));
  std::vector<MarkdownBlock> out;
  if (doc) add_blocks(doc.get(), out);
  return out;
}

}  // namespace hs::web
