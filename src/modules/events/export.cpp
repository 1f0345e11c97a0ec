#include "modules/events/export.hpp"

#include <libical/ical.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>

#include "core/text.hpp"

namespace hs::events::exports {

namespace {

icaltimetype utc(std::int64_t t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t), 0, icaltimezone_get_utc_timezone());
}

}  // namespace

std::string icalendar(const CalendarEvent& e) {
  std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)> cal(
      icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
                          icalproperty_new_prodid("-//Humanspace//Events//EN"),
                          icalproperty_new_method(ICAL_METHOD_PUBLISH), nullptr),
      &icalcomponent_free);
  icalcomponent* ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
  icalcomponent_add_property(ev, icalproperty_new_uid(e.uid.c_str()));
  icalcomponent_add_property(ev, icalproperty_new_dtstamp(utc(e.stamped_at)));
  icalcomponent_add_property(ev, icalproperty_new_dtstart(utc(e.starts_at)));
  icalcomponent_add_property(ev, icalproperty_new_dtend(utc(e.ends_at)));
  icalcomponent_add_property(ev, icalproperty_new_summary(e.title.c_str()));
  if (!e.description.empty()) icalcomponent_add_property(ev, icalproperty_new_description(e.description.c_str()));
  if (!e.url.empty()) icalcomponent_add_property(ev, icalproperty_new_url(e.url.c_str()));
  icalcomponent_add_component(cal.get(), ev);
  char* text = icalcomponent_as_ical_string_r(cal.get());
  if (!text) throw std::runtime_error("libical could not write the calendar");
  std::string out(text);
  free(text);
  return out;
}

std::string qr_svg(const std::string& text, const std::string& label) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M),
                                                     &QRcode_free);
  if (!qr) throw std::runtime_error("libqrencode could not encode the join link");
  const int quiet = 4, size = qr->width + 2 * quiet;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " +
                    std::to_string(size) + "\" role=\"img\" aria-label=\"" + text::xml_escape(label) +
                    "\" shape-rendering=\"crispEdges\"><title>" + text::xml_escape(label) +
                    "</title><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < qr->width; ++y)
    for (int x = 0; x < qr->width; ++x)
      if (qr->data[y * qr->width + x] & 1)
        out += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  out += "\"/></svg>";
  return out;
}

}  // namespace hs::events::exports
