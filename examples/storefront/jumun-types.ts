/** The parts of Jumun's answers this storefront reads (see Jumun's /api/openapi.json for all of it). */
export interface CatalogOption {
  externalId: string | null;
  name: string;
  values: Array<{ name: string; value: string }>;
  extraPrice: number;
  stock: number | null;
  status: string;
}
export interface CatalogProduct {
  externalId: string | null;
  name: string;
  price: number;
  status: string;
  optionNames: string[];
  options: CatalogOption[];
}
export interface Member {
  externalId: string;
  name: string;
  phone: string | null;
  email: string | null;
  grade: { name: string; discountRate: number } | null;
  pointsBalance: number;
}
export interface IssuedCoupon {
  externalId: string | null;
  /** Whether an order could apply it now (unused, unexpired, its coupon active and in its dates). */
  usable: boolean;
  coupon: { name: string };
}
export interface Quote {
  items: Array<{ productName: string; optionName: string | null; unitPrice: number; quantity: number; gradeDiscountPerUnit: number; amount: number }>;
  member: { gradeName: string | null; gradeDiscountRate: number; pointsBalance: number } | null;
  totals: { itemsSubtotal: number; gradeDiscount: number; couponDiscount: number; pointsUsed: number; shippingFee: number; remoteShippingFee: number; total: number };
}
export interface TestPayment {
  paymentKey: string;
  orderId: string;
  method: 'card' | 'virtual_account' | 'bank_transfer' | 'easy_pay';
  status: 'captured' | 'pending';
  amount: number;
  card: { company: string; numberMasked: string; installmentMonths: number } | null;
  virtualAccount: { bank: string; accountNumber: string; holder: string; dueAt: string | null } | null;
  depositSecret: string | null;
}
export interface PlacedOrder {
  id: number;
  orderNumber: string;
  orderStatusLabel: string;
  totals: { orderTotal: number };
}
