CREATE TABLE "export_file_chunks" (
	"shop_id" bigint NOT NULL,
	"job_id" bigint NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "export_file_chunks_shop_id_job_id_seq_pk" PRIMARY KEY("shop_id","job_id","seq")
);
