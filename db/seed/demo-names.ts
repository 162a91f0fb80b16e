/** Common Sierra Leonean names and villages for the demo people (Bo district villages first). */

export const FEMALE_FIRST_NAMES = [
  "Aminata", "Fatmata", "Isatu", "Mariama", "Hawa", "Kadiatu", "Adama", "Zainab", "Fatima", "Aisha",
  "Mabinty", "Memuna", "Salamatu", "Jeneba", "Musu", "Kumba", "Yei", "Sia", "Finda", "Tenneh",
  "Christiana", "Marie", "Josephine", "Ramatu", "Nancy",
] as const;

export const MALE_FIRST_NAMES = [
  "Mohamed", "Ibrahim", "Abdul", "Alhaji", "Sorie", "Foday", "Sahr", "Tamba", "Lamin", "Amadu",
  "Musa", "Osman", "Abu", "Sulaiman", "Alusine", "Brima", "Momodu", "Santigie", "Joseph", "Emmanuel",
  "John", "Augustine", "Komba", "Saidu", "Umaru",
] as const;

export const LAST_NAMES = [
  "Sesay", "Kamara", "Bangura", "Conteh", "Koroma", "Turay", "Kargbo", "Mansaray", "Jalloh", "Barrie",
  "Bah", "Kanu", "Fofanah", "Kallon", "Sankoh", "Tarawally", "Kabia", "Kpaka", "Lahai", "Massaquoi",
  "Gbla", "Samura", "Kamanda", "Jusu", "Momoh", "Vandi", "Ngegba", "Swaray", "Dumbuya", "Yillah",
  "Marrah", "Koker", "Sandi", "Bockarie", "Kemokai", "Tucker", "Macauley", "Fornah", "Kuyateh", "Senesie",
] as const;

export const VILLAGES = [
  "Ngelehun", "Njandama", "Kpetema", "Sembehun", "Gbaama", "Tikonko", "Baoma", "Gerihun", "Telu", "Jaiama",
  "Sumbuya", "Koribondo", "Serabu", "Yamandu", "Bumpe", "Gondama", "Dambala", "Nyandehun", "Foindu", "Mano",
  "Lunsar", "Masiaka", "Kabala", "Pujehun", "Yengema",
] as const;

/** Sierra Leonean mobile prefixes (Orange, Africell, Qcell). */
export const PHONE_PREFIXES = ["76", "77", "78", "79", "88", "30", "33", "99"] as const;
