// humanspace: reads configuration, opens the store, migrates, registers modules, runs.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/key_file.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/module.hpp"
#include "modules/actions/module.hpp"
#include "modules/conversations/module.hpp"
#include "modules/equity/module.hpp"
#include "modules/involvement/module.hpp"
#include "modules/library/module.hpp"
#include "modules/audit/module.hpp"
#include "modules/breakouts/module.hpp"
#include "modules/decisions/module.hpp"
#include "modules/demo/module.hpp"
#include "modules/events/module.hpp"
#include "modules/report/module.hpp"
#include "modules/site/module.hpp"
#include "modules/spaces/module.hpp"
#include "modules/stories/module.hpp"
#include "modules/terms/module.hpp"
#include "modules/vision/module.hpp"
#include "modules/wordcloud/module.hpp"
#include "services/coalescer.hpp"
#include "services/hub.hpp"
#include "services/presence.hpp"
#include "services/rate_limit.hpp"
#include "store/change_feed.hpp"
#include "store/db.hpp"
#include "web/app.hpp"
#include "web/metrics.hpp"
#include "web/render.hpp"
#include "web/server.hpp"

namespace {

struct Owned {
  std::unique_ptr<hs::store::Store> store;
  std::unique_ptr<hs::web::Renderer> renderer;
  std::unique_ptr<hs::mail::Mailer> mailer;
  hs::SystemClock clock;
  hs::web::Metrics metrics;
  hs::services::RateLimiter limiter;
  hs::services::Hub hub;
  hs::services::Presence presence;
  std::unique_ptr<hs::services::Coalescer> live;  // after hub: stops before it
};

void wire(hs::web::App& app, Owned& s) {
  hs::crypto::init();
  int threads = app.config.threads > 0 ? app.config.threads : static_cast<int>(std::thread::hardware_concurrency());
  s.store = hs::store::Store::open(app.config.db, std::max(2, threads + 2));
  s.store->migrate();
  s.renderer = std::make_unique<hs::web::Renderer>("en");
  s.mailer = app.config.smtp_url.empty()
                 ? hs::mail::outbox_mailer(app.config.data_dir + "/outbox", app.config.smtp_from)
                 : hs::mail::smtp_mailer(app.config.smtp_url, app.config.smtp_from);
  app.store = s.store.get();
  app.renderer = s.renderer.get();
  app.words = s.renderer.get();
  app.mailer = s.mailer.get();
  app.clock = &s.clock;
  app.metrics = &s.metrics;
  app.limiter = &s.limiter;
  app.hub = &s.hub;
  app.presence = &s.presence;
  s.live = std::make_unique<hs::services::Coalescer>(s.hub, 5);
  app.live = s.live.get();
  app.master_key = hs::load_or_create_key(app.config.data_dir);
  hs::site::register_module(app);
  hs::accounts::register_module(app);
  hs::spaces::register_module(app);
  hs::audit::register_module(app);
  hs::events::register_module(app);
  hs::breakouts::register_module(app);
  hs::report::register_module(app);
  hs::decisions::register_module(app);
  hs::terms::register_module(app);
  hs::stories::register_module(app);
  hs::actions::register_module(app);
  hs::involvement::register_module(app);
  hs::equity::register_module(app);
  hs::conversations::register_module(app);
  hs::library::register_module(app);
  hs::vision::register_module(app);
}

int report(const hs::Error& e, const hs::web::App& app) {
  std::cerr << "humanspace: " << (app.renderer ? app.renderer->t(e.message_key) : e.message_key) << "\n";
  for (const auto& f : e.fields)
    std::cerr << "  " << f.field << ": " << (app.renderer ? app.renderer->t(f.message_key) : f.message_key) << "\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  hs::web::App app;
  auto& cfg = app.config;
  CLI::App cli{
      "Humanspace: a self-hosted home for co-production, where people with lived experience and "
      "organisations work as equals."};
  cli.require_subcommand(1);
  cli.add_option("--db", cfg.db, "Database: sqlite:PATH or postgresql://...")
      ->envname("HUMANSPACE_DB")
      ->capture_default_str();
  cli.add_option("--data-dir", cfg.data_dir, "Folder for the key, the outbox and SQLite")
      ->envname("HUMANSPACE_DATA_DIR")
      ->capture_default_str();
  cli.add_option("--smtp-url", cfg.smtp_url,
                 "Send email through this SMTP server (smtp://host:port); "
                 "without it email is written to DATA_DIR/outbox")
      ->envname("HUMANSPACE_SMTP_URL");
  cli.add_option("--smtp-from", cfg.smtp_from, "The From address of email")
      ->envname("HUMANSPACE_SMTP_FROM")
      ->capture_default_str();
  cli.add_option("--base-url", app.base_url,
                 "How people reach this server, for links in email "
                 "(e.g. https://forum.example.org)")
      ->envname("HUMANSPACE_BASE_URL");
  std::string log_level = "info";
  cli.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")
      ->envname("HUMANSPACE_LOG_LEVEL")
      ->capture_default_str();
  cli.add_flag("--demo", cfg.demo, "Demo mode: shows a demo banner and the /outbox page")->envname("HUMANSPACE_DEMO");

  auto* serve = cli.add_subcommand("serve", "Serve the web application until SIGINT or SIGTERM");
  serve->add_option("--listen", cfg.listen, "HOST:PORT to listen on (port 0 picks a free one)")
      ->envname("HUMANSPACE_LISTEN")
      ->capture_default_str();
  serve->add_option("--static-dir", cfg.static_dir, "Folder of CSS, fonts and scripts")
      ->envname("HUMANSPACE_STATIC_DIR")
      ->capture_default_str();
  serve->add_option("--threads", cfg.threads, "Worker threads (default: one per core)")->envname("HUMANSPACE_THREADS");
  serve->add_option("--port-file", cfg.port_file, "Write the port listened on to this file")
      ->envname("HUMANSPACE_PORT_FILE");
  serve->add_flag("--trust-proxy", cfg.trust_proxy, "Believe X-Forwarded-Proto/-For from a reverse proxy")
      ->envname("HUMANSPACE_TRUST_PROXY");
  bool seed_demo = false;
  serve->add_flag("--seed-demo", seed_demo, "Seed the demo community first when it is not there yet");
  serve->add_flag("--unsafe-public-demo", cfg.demo_on_public_address,
                  "Allow demo mode on an address other machines can reach (anyone there can sign in as the "
                  "demo accounts)");

  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations that have not run yet");
  auto* demo = cli.add_subcommand("demo", "Seed the demo community (invented people and places), once");

  auto* user = cli.add_subcommand("user", "Manage accounts from the command line");
  user->require_subcommand(1);
  std::string email, name, role, space;
  auto* user_add = user->add_subcommand("add",
                                        "Create an account (email taken as verified); the password is "
                                        "read from standard input");
  user_add->add_option("email", email, "Email address")->required();
  user_add->add_option("--name", name, "Display name")->required();
  auto* user_role = user->add_subcommand("set-role",
                                         "Give a person a role: site-wide steward|member, or with "
                                         "--space a role in that space "
                                         "(member, facilitator, auditor, steward)");
  user_role->add_option("email", email, "Email address")->required();
  user_role->add_option("role", role, "Role")->required();
  user_role->add_option("--space", space, "Space slug");

  std::string backup_to;
  auto* backup = cli.add_subcommand("backup",
                                    "Write an online, consistent copy of the database "
                                    "(SQLite: VACUUM INTO; PostgreSQL: pg_dump)");
  backup->add_option("destination", backup_to, "File to write (must not exist)")->required();

  auto* audit = cli.add_subcommand("audit", "A space's decision log: export it, verify an export offline, or sign it");
  audit->require_subcommand(1);
  std::string audit_space, audit_out, audit_file, audit_head;
  auto* audit_export = audit->add_subcommand("export",
                                             "Write a space's decision log, public key and signed tree "
                                             "heads as one JSON document");
  audit_export->add_option("space", audit_space, "Space slug")->required();
  audit_export->add_option("--out", audit_out, "File to write (default: standard output)");
  auto* audit_verify = audit->add_subcommand("verify",
                                             "Check an export offline, with no database: every entry, "
                                             "signature and signed tree head; exit 0 when verified");
  audit_verify->add_option("export", audit_file, "The export (JSON)")->required();
  audit_verify->add_option("--head", audit_head,
                           "A signed tree head kept from earlier "
                           "(GET /spaces/SLUG/audit/head): the export must extend it");
  auto* audit_sign = audit->add_subcommand("sign", "Sign a space's decision log as it is now; prints the head");
  audit_sign->add_option("space", audit_space, "Space slug")->required();
  auto* audit_digests = audit->add_subcommand("send-digests",
                                              "Email new signed tree heads to the people who asked "
                                              "(at most once a day each); serve also does this every "
                                              "5 minutes");
  std::int64_t synthetic_count = 0, synthetic_batch = 1000, synthetic_proofs = 0;
  auto* audit_synthetic = audit->add_subcommand("synthetic", "For tests and benchmarks only");
  audit_synthetic->group("");  // hidden
  audit_synthetic->add_option("space", audit_space)->required();
  audit_synthetic->add_option("--count", synthetic_count);
  audit_synthetic->add_option("--batch", synthetic_batch);
  audit_synthetic->add_option("--proofs", synthetic_proofs);

  int wc_width = 1024, wc_height = 768;
  std::string wc_format = "json";
  std::string bench_space, bench_statements;
  std::int64_t bench_user = 0;
  int bench_runs = 50;
  int picture_notes = 500, picture_runs = 30;
  auto* vision = cli.add_subcommand("vision", "For benchmarks only");
  vision->group("");  // hidden
  auto* vision_bench = vision->add_subcommand("bench-picture", "Time the three-curves picture (bench/vision)");
  vision_bench->add_option("--notes", picture_notes);
  vision_bench->add_option("--runs", picture_runs);
  auto* stories = cli.add_subcommand("stories", "For benchmarks only");
  stories->group("");  // hidden
  auto* stories_bench = stories->add_subcommand("bench-search", "Time the stories search (bench/stories)");
  stories_bench->add_option("space", bench_space)->required();
  stories_bench->add_option("--user", bench_user, "Search as this account id (0: signed out)");
  stories_bench->add_option("--runs", bench_runs);
  stories_bench->add_option("--statements", bench_statements, "Write the statements run (JSON lines) here")->required();
  auto* wordcloud = cli.add_subcommand("wordcloud",
                                       "Lay out a word cloud: reads [{\"text\": ..., \"count\": ...}] "
                                       "on standard input, writes the layout as JSON or an SVG image");
  wordcloud->add_option("--width", wc_width, "Canvas width in pixels")
      ->check(CLI::Range(1, 8192))
      ->capture_default_str();
  wordcloud->add_option("--height", wc_height, "Canvas height in pixels")
      ->check(CLI::Range(1, 8192))
      ->capture_default_str();
  wordcloud->add_option("--format", wc_format, "json or svg")
      ->check(CLI::IsMember({"json", "svg"}))
      ->capture_default_str();

  auto* breakouts = cli.add_subcommand("breakouts", "Breakout groups for the rounds of an event");
  breakouts->require_subcommand(1);
  auto* breakouts_plan = breakouts->add_subcommand(
      "plan",
      "Plan balanced breakout groups: reads {\"people\", \"group_size\", \"rounds\", \"keep_apart\", "
      "\"keep_together\", \"seed\", \"spread\"} as JSON on stdin, writes the rounds and figures as JSON");

  std::int64_t report_event = 0;
  std::string report_pdf;
  auto* report_cmd = cli.add_subcommand("report", "Write an event's report as a PDF (the same one its page offers)");
  report_cmd->add_option("event", report_event, "The event's number (as in /events/NUMBER)")->required();
  report_cmd->add_option("--pdf", report_pdf, "The PDF file to write")->required();

  auto* remind = cli.add_subcommand(
      "remind",
      "Send the reminders that are due: decisions closing within a day, "
      "decisions whose closing time has come, terms of reference due for "
      "review, actions due soon or without news for 30 days. Each goes out once; serve also does this every 5 minutes");

  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::from_str(log_level));
  if (cfg.db == "sqlite:data/humanspace.db" && cfg.data_dir != "data")
    cfg.db = "sqlite:" + cfg.data_dir + "/humanspace.db";

  // Verifying an export needs no database: it runs before anything is opened.
  if (*audit_verify) return hs::audit::verify_cli(audit_file, audit_head);
  // Nor does laying out a word cloud.
  if (*vision_bench) return hs::vision::bench_picture_cli(picture_notes, picture_runs, std::cout);
  if (*wordcloud) return hs::wordcloud::wordcloud_cli(wc_width, wc_height, wc_format, std::cin, std::cout);
  if (*breakouts_plan) return hs::breakouts::plan_cli(std::cin, std::cout, std::cerr);

  try {
    Owned services;
    wire(app, services);
    // Whatever a command appends to a decision log is signed before it ends; while
    // serving, within about a second.
    hs::audit::HeadSigner head_signer(app, static_cast<bool>(*serve));
    if (*migrate) {
      std::cout << "migrations are up to date\n";
      return 0;
    }
    if (*demo || (*serve && seed_demo)) {
      auto r = hs::demo::seed(app);
      if (!r) return report(r.error(), app);
      std::cout << *r << std::flush;
      if (*demo) return 0;
    }
    if (*serve) {
      // Links in email are built from --base-url; without it they would follow the Host
      // header, which anyone can set. Only a loopback server may go without.
      auto host = cfg.listen.substr(0, cfg.listen.rfind(':'));
      bool loopback = host.starts_with("127.") || host == "localhost" || host == "[::1]" || host == "::1";
      if (!loopback && app.base_url.empty()) {
        std::cerr << "humanspace: set --base-url (or HUMANSPACE_BASE_URL) to the address people use, "
                     "e.g. https://forum.example.org, when listening on "
                  << cfg.listen << "\n";
        return 2;
      }
      // Pages without their CSS and scripts look broken and do not update live: say where
      // they were looked for, rather than serve every page unstyled in silence.
      if (std::error_code ec; !std::filesystem::exists(std::filesystem::path(cfg.static_dir) / "build" / "app.css", ec))
        std::cerr << "humanspace: warning: no stylesheet at " << (std::filesystem::path(cfg.static_dir) / "build" / "app.css")
                  << ": pages will show without their look and will not update live. Run the server from the "
                     "repository's folder (./dev run), or give --static-dir the folder holding build/app.css and js/\n";
      // The demo's accounts share one published password, and its steward reads every
      // sign-in link: on an address others can reach, anyone could run the site.
      if (cfg.demo && !loopback && !cfg.demo_on_public_address) {
        std::cerr << "humanspace: demo mode listens only on this machine (127.0.0.1 or ::1), because anyone "
                     "who reaches it can sign in as the demo accounts. To show the demo to others anyway, add "
                     "--unsafe-public-demo.\n";
        return 2;
      }
      if (cfg.demo)
        std::cout << "Demo mode"
                  << (loopback ? " (this machine only)"
                               : " ON A PUBLIC ADDRESS: anyone who reaches "
                                 "it can sign in as the demo accounts")
                  << ". Email is written to " << cfg.data_dir
                  << "/outbox; the /outbox page shows it to the demo's site steward only.\n"
                  << std::flush;
      auto reminders = hs::decisions::start_periodic(
          [&app] {
            hs::decisions::sweep(app);
            hs::terms::sweep(app);
            hs::actions::sweep(app);
            hs::involvement::sweep(app);
            hs::audit::send_digests(app);
            hs::conversations::send_digests(app);
          },
          std::chrono::minutes(5));
      // Several servers may share one PostgreSQL database: each tells the others which
      // live topics changed, and hears theirs (SQLite has one server and no feed).
      auto feed = hs::store::open_change_feed(app.config.db, [&app](const std::string& topic) {
        if (!topic.empty()) return app.live->refresh(topic);
        for (const auto& t : app.hub->topics()) app.live->refresh(t);
      });
      struct Unrelay {  // stops relaying before the feed goes
        hs::services::Coalescer* live;
        ~Unrelay() { live->relay(nullptr); }
      } unrelay{app.live};
      if (feed) app.live->relay([f = feed.get()](const std::string& topic) { f->publish(topic); });
      hs::web::serve(app);
      return 0;
    }
    if (*user_add) {
      std::string password;
      std::getline(std::cin, password);
      auto r = hs::accounts::add_user(app, email, name, password);
      if (!r) return report(r.error(), app);
      std::cout << "account " << *r << " created for " << email << "\n";
      return 0;
    }
    if (*user_role) {
      auto id = hs::accounts::find_user(app, email);
      if (!id) {
        std::cerr << "humanspace: no account has the email " << email << "\n";
        return 1;
      }
      auto r =
          space.empty() ? hs::accounts::set_site_role(app, email, role) : hs::spaces::set_role(app, *id, space, role);
      if (!r) return report(r.error(), app);
      std::cout << email << " is now " << role << (space.empty() ? " (site-wide)" : " in " + space) << "\n";
      return 0;
    }
    if (*audit_export) return hs::audit::export_cli(app, audit_space, audit_out);
    if (*audit_sign) return hs::audit::sign_cli(app, audit_space);
    if (*audit_digests) return hs::audit::send_digests_cli(app);
    if (*audit_synthetic)
      return hs::audit::synthetic_cli(app, audit_space, synthetic_count, synthetic_batch, synthetic_proofs);
    if (*stories_bench)
      return hs::stories::bench_search_cli(app, bench_space, bench_user, bench_runs, bench_statements, std::cin,
                                           std::cout);
    if (*report_cmd) return hs::report::report_cli(app, report_event, report_pdf);
    if (*remind) {
      auto d = hs::decisions::sweep(app);
      auto t = hs::terms::sweep(app);
      auto a = hs::actions::sweep(app);
      auto b = hs::involvement::sweep(app);
      hs::conversations::send_digests(app);
      std::cout << "reminders sent: " << d.closing_soon << " closing soon, " << d.due << " ready to close, " << t
                << " terms reviews, " << a << " actions; bank details erased: " << b << "\n";
      return 0;
    }
    if (*backup) {
      services.store->backup(backup_to);
      std::cout << "backup written to " << backup_to << "\n";
      return 0;
    }
  } catch (const std::exception& e) {
    spdlog::critical("{}", e.what());
    return 2;
  }
  return 0;
}
