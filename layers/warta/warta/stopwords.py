"""Indonesian words too common to stand out in news text: function words, and the verbs and nouns of
attribution every article uses ("kata", "ujar", "mengatakan"). Written for Warta from common knowledge
of the language (no copied list); used by `warta.trends` to keep them out of "what stands out"."""

from __future__ import annotations

_FUNCTION_WORDS = """
ada adalah agar akan akhirnya aku amat anda antara apa apabila apakah atas atau bagai bagaimana bagi
bahkan bahwa banyak baru beberapa begitu belum benar berada berbagai bersama besar bila bisa boleh
bukan cukup dalam dan dapat dari daripada dengan di dia diri dua ia ialah ini itu jadi jika juga
kali kalau kami kamu karena kata ke kedua kembali kemudian kepada ketika kini kita lagi lain lalu
lebih maka mana masih masing mau melalui memang mereka merupakan meski mulai namun nya oleh pada
padahal para pernah pula pun saat saja salah sama sampai sang satu saya se sebagai sebelum sebuah
sedang sehingga sejak sekali sekitar selama semua sendiri seorang seperti sering serta setelah
siapa sudah supaya tak tanpa tapi telah tengah tentang terhadap termasuk tersebut tetap tetapi
tidak tiga untuk usai waktu yaitu yakni yang
"""
# Attribution and datelines: in almost every article, so never what makes a search different.
_NEWS_WORDS = """
kata ujar ujarnya katanya mengatakan menyebut menyebutkan menjelaskan menuturkan menambahkan
ungkap ungkapnya jelas jelasnya tutur tuturnya tambah tambahnya kepada wartawan dihubungi senin
selasa rabu kamis jumat sabtu minggu wib wita wit pukul tahun bulan hari pekan
"""

INDONESIAN_STOP_WORDS: frozenset[str] = frozenset((_FUNCTION_WORDS + _NEWS_WORDS).split())
