// Migrations are append-only once they reach main: this committed list holds
// the SHA-256 of every migration's exact text per engine, so an edit fails
// here before it can reach an installed database (where the runner would
// refuse to start). A new migration adds its line; a line never changes.
#include <gtest/gtest.h>

#include "store/database.hpp"

namespace {

struct Committed {
  int version;
  const char* name;
  const char* sqlite_sha256;
  const char* postgres_sha256;
};

constexpr Committed kCommitted[] = {
    {1, "orgs", "acec6e032b968c6c54d09db49c6f2460fdcdc959afb3d0ed80031b90012ae430",
     "3e4e5fe3c8229310a4f608a8bdbf9c15bc0f0af0fa84f5a42a36e9bcae5c44bd"},
    {2, "identity", "eea78916f74330217ca53d8396877791ca5a280138b67c56379fd72eaf1b1ab7",
     "bff355f3a9df2d2c74cb75887236d5995a0d38713831a76b498559101944e8a7"},
    {3, "work", "932d9d199608ecc90b810292e2afd679e970de32eafea2e206c0176b29d063c0",
     "39d30a1dd878c9253eb2d4b52d6011caa5f2271cee78080f7a8c3e63790b5f6d"},
    {4, "messaging", "1496f3387ee22d4c1d7b7566ed594f115698ec27cdb7d17d43f8d52501c3c52b",
     "2b4adeeafa95f11c10ffec1ab0f301d7731b659728397890987df6f6bb5db7df"},
    {5, "payments_and_jobs", "9478fbe63c8c8e2bcebe4b613c266170d0b87f707ceec361e400a78a087fc6dd",
     "cbbba53ca7bdf2f0df13508ea7d170d458fc98496aaeaf2b646606dee5fe2478"},
    {6, "sms_consent", "fdc832bea7cc3487c5b0fe10842263b518bb1ce9e2b6ce839a25674df359e210",
     "d7af20f1280654c2ae6d0c5fb5ae3badd052fbc6ac035ad1ae7ba6bd09b069a6"},
    {7, "sms_number_requests", "41f77762c1e26e02b3688ae29902c54f538c218873feadc8ceb37c6d78baa94d",
     "12f3c1712d50892e6fb0ce8fec5e0c646516da6d6dd4551c3a1ce64213d4bead"},
    {8, "org_time_zone", "86261c8e112ea07a6f6479133890196e78e4a69832612c5f00bc96f5529f87dd",
     "86261c8e112ea07a6f6479133890196e78e4a69832612c5f00bc96f5529f87dd"},
    {9, "work_order_asset", "2ceb1ca5b151c60354b79bd7b7532ce182eeaa50c8bcb0b0def900a5a6d1e952",
     "4ab7a5ccc42c6d36bbf7e6351db085418b11d0cfdde54cb9444ed6106cb7efad"},
    {10, "attachments", "1eb363617d9a7b8a9cb594868d6d08f25fe9a3119b564dcfd136eaca1fb0c88c",
     "0abcfc026a85a7b32693496c8d100cde60977b36fc00bdabbb7c3c60ea809b19"},
    {11, "idempotency_keys", "ac6725f9732a85e4c1f2ad6bb5678587e2bf83e95f204e82b646add18f29f3f3",
     "2d4600a0ed21f8ce3b46e433dd668078c3cda215854c88df00986518913d34e7"},
    {12, "checklist_completion", "fb5fa48304b7cb10cb39005c5b9593782e4306d3ac49cbe45eb4ec084095504c",
     "8f99be8f762b56dfdf30fe1f4b248082e7efd398b009d7db304d1fc1e6bcc732"},
    {13, "org_working_hours", "868c3341c0a83a91051590514ce5bb4c980d91233cbeda19616cc710342e2d53",
     "414cc1fffae66dbd1e765df6b5fcdc035c8f96af7ab928821adfb0f2cbeb3867"},
    {14, "work_order_list_indexes",
     "8cab1bf948488b310bdb7a0d727ec0d96ab88dfac3305a9358249c19aaae182e",
     "8cab1bf948488b310bdb7a0d727ec0d96ab88dfac3305a9358249c19aaae182e"},
    {15, "site_gate_code", "cb89c55061239a168cab7596d535077edf8d127b79886fe82b5ebfc30fd08966",
     "cb89c55061239a168cab7596d535077edf8d127b79886fe82b5ebfc30fd08966"},
    {16, "org_keys", "9547db9de5522837e7b87a8455dbd943411f155426944b47ba32f2e8f5cc07b7",
     "3d08d10ae828fe89929dbcde5428cc9e368f2b0cbf3f102e1a22f7389f918724"},
    {17, "privacy", "89f9379186fb01cc141b5dcc8bcd0a39423b6ee8bd19221d4b3cde3985cd796a",
     "b687e5b0adc018c15a972d2c97c2142e8cc1f22d72d28074a19364bd2f5c7dec"},
    {18, "backup_lease", "26475bf8edbe670c1074cbfe2e68362aa3092b739032fd0af042a7e312c7d30e",
     "333f431bdfefa714c02048783cd27229b009a35cda45df107f512a37640b2348"},
    {19, "customers_sealed", "a03732d45c55ee9a9af8b149a4bb02464c1c4afedc9eaade8e62807b34eaa520",
     "9b7b1bbdaf4a0a9bb363448d18f2a99d30688935f756b6ebdd0d77f21569f18f"},
    {20, "sms_message_row_key", "82efdc9bdc4d209e3f23275d17c1cdd9255b27d301079fa9b0534ad8925260bc",
     "82efdc9bdc4d209e3f23275d17c1cdd9255b27d301079fa9b0534ad8925260bc"},
    {21, "attachments_sealed", "2dd7b357ebb7c53363e81a37c5cd7f8b878701e53d37a4b28f98f685ecce738a",
     "2dd7b357ebb7c53363e81a37c5cd7f8b878701e53d37a4b28f98f685ecce738a"},
    {22, "retention", "4a96334dfdbc3e7469011b0d5e0c9de1ef3f46315b5db806ef3729bbf544247c",
     "d3a7c5e5ba1ed07da5918e5e1ba23135122a404a35076939cec7a9d39a58d2b9"},
    {23, "org_exports", "26b936fd34eb06f68e94ac525c0274d618741815651da5684dfd9233a341bda3",
     "fa6d460fd857bdb74aab1d9c81cf6bec0ec8cc50e6c22fa5824d3b4ea8d79fe7"},
    {24, "visit_text_sealed", "560efbc7924959ea5f8e5d83fbf71aba44f3f60b298b975ceb97b45e561cf9ef",
     "560efbc7924959ea5f8e5d83fbf71aba44f3f60b298b975ceb97b45e561cf9ef"},
    {25, "email_outbox", "1a58695162f704ccff87e3c6752a1097df2a3fe87d8c7e5183f792f7a72d415b",
     "0b4412a7db5d05e306701702236a0962b28de962b2ab752f2822376a6f21f9d3"},
    {26, "price_book", "726d1d07197f108f37d460a4befd0677e6805514322f942ea7b8adbc800055aa",
     "9814f37889cb73ab00a5e3b4545bc52c869962a58098dee6a1c032bf57ced198"},
    {27, "asset_hierarchy", "31ef743b900d79e27e19b1eff0297a839dde383c647f878ffcc5dd996c06278e",
     "6b677d88492844e7aa0a5d682a4ba0513b4432d5040216266e87def5d11b6ed0"},
    {28, "link_tokens", "482ac02bc27dbc6368ec1bb6f1a62200affbdfc0fceac470c42858975bcd0532",
     "768c33dffdc5af8a9410d7428e44a180c71441bb12ee5c701856e631156d49d6"},
    {29, "invoice_editing", "39d7f8a76a6c63cc6ce3c911321d9618e837d9955ed4355a5a251c339e69e70f",
     "cbd8f90e7d0d4821a5965c5eaf67ab003cd2a35afdd1b34fd027d405f4c6adee"},
    {30, "invitations", "faffbaf171fc4c0c368c816272fedb7bdb7d1f431a9cc7536261692f0b01ed10",
     "672b53a34773e1950ca24ff1e0dd821778f67c103d3e9fa1f10e94cfb71ee560"},
    {31, "work_requests", "36caf3feae0acdeb6bb8daf8526a9bb68953338fce8cc3424bd1a5603db2a30d",
     "220b172f9797ee16c2d986d6b6187c22d94f11d7edfa4da5c98a584ad60102de"},
    {32, "email_attachments", "7b05c98d098bc67b8e976edd2ec0952d02f7e0ed628536eb90fc274a48b475c3",
     "7b05c98d098bc67b8e976edd2ec0952d02f7e0ed628536eb90fc274a48b475c3"},
    {33, "pm_plans", "9485a0fb269e7233948a42936f23c7f1b00305c1323f1ab4f17c0827d5e36d34",
     "49fd58d89e192c742512d4235fa7c6f5e8c3c07cda99bf28b0c77b9dcdd18339"},
    {34, "request_photos_requester",
     "d6ed268fe8918ae5656c412398e7ac1775c0d919f084b4c2e83b9b31925ec009",
     "55ee9b5090eaa59dba037270cb0f1388d8e98055846a66bfab72377647672737"},
    {35, "org_logo", "00409409b11e4814cd3f7f189bf5e53f5643d9b4e49c1995f25290316ae61d98",
     "2a663ebee5de7766fd1fb3939eebcd9c95e24c6e03e86b85e809737feaeaeea0"},
    {36, "service_plans", "e68d714d3c58074d46fc228e9f84451cd97ab717770179225796e1a9d995972f",
     "6c8c669bcfc119d714b9e699344b37c03779d835c64799fc64f784270c0042a0"},
    {37, "accounts", "e7f7b8654d83fd042a4538d6f26bb811b0db09715c30571a7793478f8aa353f1",
     "5f6efa0ae82dd670800f0dcf545976af54aedf5252aa3b1bf796c449a7f5d9aa"},
    {38, "plan_mail_and_visits", "5ff22c7be3e0d9f91dafdec8165880ba4bc06efd58a89f9034391f40e453d7f6",
     "146f1505dd141c006d501d59b72546be95edbceaf2ff12424af3c62ea9b8645d"},
    {39, "mfa", "dcb199df27a8c0be64510c7c5884c80bb697c172a9414fb5bc471485edf52928",
     "881fb42da1ba35f85db3d3b8097417f3c306ae8d7b884d39589d535bd82a63b4"},
    {40, "api_clients", "b59471e374a22b16b61f122141408228c21f76d50acf17eb635b32c91429cd2a",
     "c8a85b9ff8eaf20135caf838dd41669a318ec62b973f033874a216410e11a13c"},
    {41, "sso", "4b7d3be38a4d7a4240af3d01e876da9105cdfd76c74a85f5e65ccf384ac5d725",
     "a2f19813e689ecb05542e20e441842e6df14729b3de23d6d1c89e1deaaa06353"},
    {42, "org_security_policy", "742f59d6f5f1903e75c36db4988095dd3caf5ed1493e410a04803622a6aa6f78",
     "4b8594e9b8903b8c7a527fa4203270415dd0c7a2ed2ff745f7ec475384460033"},
};

const Committed* committed(int version) {
  for (const auto& c : kCommitted)
    if (c.version == version) return &c;
  return nullptr;
}

}  // namespace

TEST(MigrationChecksums, committed_migrations_are_never_edited) {
  const auto actual = bulwark::store::migration_checksums();
  for (const auto& c : kCommitted) {
    bool present = false;
    for (const auto& a : actual) present = present || a.version == c.version;
    EXPECT_TRUE(present) << "committed migration " << c.version << " was removed";
  }
  int previous = 0;
  for (const auto& a : actual) {
    EXPECT_GT(a.version, previous) << "migrations must be listed in ascending version order";
    previous = a.version;
    const Committed* c = committed(a.version);
    if (!c) {
      ADD_FAILURE() << "migration " << a.version << " is not in the committed list; add:\n    {"
                    << a.version << ", \"" << a.name << "\", \"" << a.sqlite_sha256
                    << "\",\n     \"" << a.postgres_sha256 << "\"},";
      continue;
    }
    EXPECT_EQ(a.name, c->name);
    EXPECT_EQ(a.sqlite_sha256, c->sqlite_sha256)
        << "the SQLite text of migration " << a.version << " \"" << a.name
        << "\" changed: migrations are append-only, add a new one instead";
    EXPECT_EQ(a.postgres_sha256, c->postgres_sha256)
        << "the PostgreSQL text of migration " << a.version << " \"" << a.name
        << "\" changed: migrations are append-only, add a new one instead";
  }
}
