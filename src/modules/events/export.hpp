#pragma once
// What an event offers outside the browser: an iCalendar file for people's own
// calendars (libical) and a QR code of the join link for the projector (libqrencode).
#include <cstdint>
#include <string>

namespace hs::events::exports {

struct CalendarEvent {
  std::string uid;  // stable per event, e.g. "event-12@forum.example.org"
  std::string title, description, url;
  std::int64_t starts_at = 0, ends_at = 0, stamped_at = 0;  // unix seconds, UTC
};
// A VCALENDAR holding one VEVENT.
std::string icalendar(const CalendarEvent& e);

// An SVG drawing of a QR code for text (medium error correction), with a quiet zone,
// role="img" and the given accessible label.
std::string qr_svg(const std::string& text, const std::string& label);

}  // namespace hs::events::exports
